using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Runtime;

namespace Referral.Silo.Hosting;

/// <summary>
/// Remembers each grain interface's <see cref="GrainInterfaceType"/>. Orleans 10.4 works it out
/// again on every <c>GetGrain</c> and every reference cast: it reads the interface's attributes
/// (a new array of attribute instances each time) and, by convention, formats and re-parses the
/// interface's type name — about 2 % of a node's CPU and a few hundred bytes per call while
/// seating players. Registered first among the providers, this one answers from its cache; on a
/// miss it asks Orleans' own resolver (attributes, then convention; this provider steps aside
/// while it does), so every id is exactly the one Orleans would use and wire and stored ids do not
/// change. Generic interfaces are left to Orleans.
/// </summary>
public sealed class GrainInterfaceTypeCache(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    [ThreadStatic]
    private static bool t_resolving;

    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _types = new();
    private GrainInterfaceTypeResolver? _resolver;

    /// <summary>Registers the cache ahead of every other provider (once).</summary>
    public static void AddTo(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(IGrainInterfaceTypeProvider) && d.ImplementationType == typeof(GrainInterfaceTypeCache)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, GrainInterfaceTypeCache>());
        }
    }

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (_types.TryGetValue(type, out grainInterfaceType))
        {
            return true;
        }

        if (t_resolving || type.IsGenericType)
        {
            grainInterfaceType = default;
            return false;
        }

        t_resolving = true;
        try
        {
            _resolver ??= services.GetRequiredService<GrainInterfaceTypeResolver>();
            grainInterfaceType = _resolver.GetGrainInterfaceType(type);
        }
        finally
        {
            t_resolving = false;
        }

        _types.TryAdd(type, grainInterfaceType);
        return true;
    }
}
