using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Referral.Silo.Persistence;
using Referral.Grains.Abstractions;

namespace Referral.Silo.Hosting;

/// <summary>
/// The one place a silo's providers are chosen, shared by the silo process, the silo co-hosted in
/// the api, and the test clusters, so every topology runs the same grains on the same providers
/// (memory storage aside: test clusters of several silos share Orleans' storage grains).
/// </summary>
public static class SiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant name of Npgsql.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>How often memory-stream pulling agents look for new events.</summary>
    public static readonly TimeSpan MemoryStreamPollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Clustering, endpoints, grain storage, reminders and streams from <paramref name="settings"/>.</summary>
    public static ISiloBuilder ConfigureReferralSilo(this ISiloBuilder silo, ReferralSettings settings)
    {
        var orleans = settings.Orleans;
        GrainInterfaceTypeCache.AddTo(silo.Services);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = orleans.ClusterId;
            o.ServiceId = orleans.ServiceId;
        });

        if (settings.IsDurable)
        {
            silo.ConfigureEndpoints(orleans.ResolveAdvertisedAddress(), orleans.SiloPort, orleans.GatewayPort, orleans.ListenOnAnyHostAddress);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = settings.ConnectionString;
            });
        }
        else
        {
            silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
        }

        silo.ConfigureReferralStorage(settings);
        silo.ConfigureReferralStreams(settings.Streaming);
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo;
    }

    /// <summary>
    /// Grain storage (Default, PubSubStore) and reminders: PostgreSQL when durable, else memory:
    /// the silo's own (<see cref="LocalGrainStorage"/>) when it is the only silo, as in memory mode,
    /// or Orleans' storage grains, which several silos share (test clusters of more than one).
    /// </summary>
    public static ISiloBuilder ConfigureReferralStorage(this ISiloBuilder silo, ReferralSettings settings, bool singleSilo = true)
    {
        if (settings.IsDurable)
        {
            foreach (var name in new[] { StorageNames.Default, StorageNames.PubSub })
            {
                silo.AddAdoNetGrainStorage(name, o =>
                {
                    o.Invariant = NpgsqlInvariant;
                    o.ConnectionString = settings.ConnectionString;
                });
            }

            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = settings.ConnectionString;
            });
        }
        else
        {
            foreach (var name in new[] { StorageNames.Default, StorageNames.PubSub })
            {
                // Either store keeps a serialized copy of every state. Orleans' own binary codecs
                // (generated at build time for every [GenerateSerializer] state) cost a fraction of
                // the default JSON serializer's CPU and allocations on each write; nothing reads
                // this copy but the silo itself, so the format does not matter.
                if (singleSilo)
                {
                    silo.Services.AddGrainStorage(name, static (services, _) => new LocalGrainStorage(
                        services.GetRequiredService<Serializer>(),
                        services.GetRequiredService<IActivatorProvider>()));
                }
                else
                {
                    silo.AddMemoryGrainStorage(name);
                    silo.Services.AddOptions<MemoryGrainStorageOptions>(name)
                        .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
                }
            }

            silo.UseInMemoryReminderService();
        }

        return silo;
    }

    /// <summary>The <c>Referral</c> stream provider on the configured transport.</summary>
    public static ISiloBuilder ConfigureReferralStreams(this ISiloBuilder silo, ReferralStreamingOptions streaming)
    {
        if (streaming.Provider == StreamingProvider.EventHubs)
        {
            var hubs = streaming.EventHubs;
            silo.AddEventHubStreams(StorageNames.StreamProvider, b =>
            {
                b.ConfigureEventHub(ob => ob.Configure(o => o.ConfigureEventHubConnection(hubs.ConnectionString!, hubs.Hub!, hubs.ConsumerGroup)));
                // Checkpoints live in grain storage (PostgreSQL when durable) rather than Azure
                // Tables, so Event Hubs is the only Azure dependency of the streaming path.
                b.UseGrainCheckpointer(ob => ob.Configure(o => o.StorageProviderName = StorageNames.PubSub));
            });
        }
        else
        {
            // The pulling agents poll their queues every 100 ms by default, which adds up to that
            // much to every room broadcast; 10 ms measured fan-out at 10,000 players 1.27x -> 1.11x
            // of a bare SignalR hub (docs/benchmarks.md) for a few hundred idle timer ticks a second.
            silo.AddMemoryStreams(StorageNames.StreamProvider, b =>
                b.ConfigurePullingAgent(ob => ob.Configure(o => o.GetQueueMsgsTimerPeriod = MemoryStreamPollInterval)));
        }

        return silo;
    }
}
