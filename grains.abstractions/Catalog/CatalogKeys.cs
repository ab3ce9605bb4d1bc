namespace Referral.Grains.Abstractions.Catalog;

/// <summary>Keys of the <see cref="ICatalogGrain"/>s.</summary>
public static class CatalogKeys
{
    public const string CodePools = "code-pools";
    public const string Wheels = "wheels";
}
