namespace Referral.Silo.Hosting;

/// <summary>What an api process is to the cluster.</summary>
public enum OrleansRole
{
    /// <summary>The process hosts a silo (single-node mode co-hosts one inside the api).</summary>
    Silo,

    /// <summary>The process is only an Orleans client of silos running elsewhere.</summary>
    Client,
}
