using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Referral.Grains.Accounts;
using Referral.Silo.Hosting;

namespace Referral.Silo.DataProtection;

/// <summary>Personal-data encryption and account rules for the silos that host the account grains.</summary>
public static class DataProtectionHostingExtensions
{
    /// <summary>The Data Protection application name: every process sharing the key ring must use it.</summary>
    public const string ApplicationName = "Referral.Orleans";

    /// <summary>
    /// Data Protection with the key ring in PostgreSQL (durable mode) or in memory, encrypted at
    /// rest under <c>DataProtection:MasterKey</c>; <see cref="IPersonalDataProtector"/> for the
    /// grains; <see cref="AccountOptions"/> bound from <c>Accounts</c> and validated at start-up.
    /// Call before <c>UseOrleans</c> so the key ring is ready before grains run.
    /// </summary>
    public static IHostApplicationBuilder AddReferralDataProtection(this IHostApplicationBuilder builder, ReferralSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var masterKeys = DataProtectionSettings.ReadMasterKeys(builder.Configuration, settings.IsDurable);
        IXmlRepository repository = settings.IsDurable ? new PostgresXmlRepository(settings.ConnectionString!) : new InMemoryXmlRepository();
        builder.Services.AddReferralPersonalData(repository, masterKeys);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<KeyRingStartupService>();
        builder.Services.AddOptions<AccountOptions>()
            .Bind(builder.Configuration.GetSection(AccountOptions.Section))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccountOptions>, AccountOptionsValidator>());
        return builder;
    }

    /// <summary>
    /// The services alone, for hosts that choose the repository and master keys themselves (test
    /// clusters share one in-memory repository between their silos).
    /// </summary>
    public static IServiceCollection AddReferralPersonalData(this IServiceCollection services, IXmlRepository repository, DataProtectionMasterKeys masterKeys)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(masterKeys);
        services.TryAddSingleton(masterKeys);
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.Configure<KeyManagementOptions>(o =>
        {
            o.XmlRepository = repository;
            o.XmlEncryptor = new MasterKeyXmlEncryptor(masterKeys);
        });
        services.TryAddSingleton<IPersonalDataProtector, PersonalDataProtector>();
        return services;
    }
}
