using Referral.Silo.Hosting;

namespace Referral.Testing;

/// <summary>Settings objects for tests that configure silos directly.</summary>
public static class TestSettings
{
    public static ReferralSettings Memory() => new()
    {
        Orleans = new ReferralOrleansOptions(),
        Streaming = new ReferralStreamingOptions(),
    };

    public static ReferralSettings Durable(string connectionString) => new()
    {
        Orleans = new ReferralOrleansOptions(),
        Streaming = new ReferralStreamingOptions(),
        ConnectionString = connectionString,
    };
}
