namespace Referral.Grains.Catalog;

[GenerateSerializer, Alias("Referral.Catalog.CatalogState")]
public sealed class CatalogState
{
    [Id(0)] public HashSet<string> Ids { get; set; } = new(StringComparer.Ordinal);
}
