namespace Referral.Grains.Tests.Persistence;

/// <summary>State for the grain storage tests: a class, as the provider creates a fresh instance on clear.</summary>
[GenerateSerializer, Alias("Referral.Tests.StorageTestState")]
public sealed class StorageTestState
{
    public StorageTestState()
    {
    }

    public StorageTestState(string value) => Value = value;

    [Id(0)] public string? Value { get; set; }
}
