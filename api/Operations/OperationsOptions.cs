namespace Referral.Api.Operations;

/// <summary>How often this api node reports to the operations grain. Bound from the <c>Operations</c> section.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>
    /// Between two reports of this node's connection count and signup counts. Default: 2 seconds.
    /// A report stands for three intervals, so a node that died stops counting after about 6 s.
    /// </summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Every problem with the settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate() =>
        ReportInterval < TimeSpan.FromMilliseconds(100) || ReportInterval > TimeSpan.FromMinutes(1)
            ? [$"{Section}:ReportInterval must be between 00:00:00.1 and 00:01:00 (is {ReportInterval})."]
            : [];
}
