using System.Net;
using Orleans.Configuration;
using Referral.Grains.Abstractions;

namespace Referral.Silo.Hosting;

/// <summary>How an api front door connects to a cluster it does not host.</summary>
public static class ClientBuilderExtensions
{
    /// <summary>
    /// Finds gateways in the PostgreSQL membership table when durable; otherwise connects to the
    /// local silo's gateway (a developer running one <c>silo</c> and one <c>api</c> process).
    /// </summary>
    public static IClientBuilder ConfigureReferralClient(this IClientBuilder client, ReferralSettings settings)
    {
        var orleans = settings.Orleans;
        GrainInterfaceTypeCache.AddTo(client.Services);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = orleans.ClusterId;
            o.ServiceId = orleans.ServiceId;
        });

        if (settings.IsDurable)
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = SiloBuilderExtensions.NpgsqlInvariant;
                o.ConnectionString = settings.ConnectionString;
            });
        }
        else
        {
            client.UseStaticClustering(new IPEndPoint(orleans.ResolveAdvertisedAddress(), orleans.GatewayPort));
        }

        if (settings.Streaming.Provider == StreamingProvider.EventHubs)
        {
            var hubs = settings.Streaming.EventHubs;
            client.AddEventHubStreams(StorageNames.StreamProvider, b =>
                b.ConfigureEventHub(ob => ob.Configure(o => o.ConfigureEventHubConnection(hubs.ConnectionString!, hubs.Hub!, hubs.ConsumerGroup))));
        }
        else
        {
            client.AddMemoryStreams(StorageNames.StreamProvider);
        }

        return client;
    }
}
