namespace Referral.LoadGen.Hosting;

/// <summary>A process's resident memory (KB) and CPU seconds (user + system) at one moment.</summary>
public readonly record struct ProcessSample(long RssKb, double CpuSeconds, long Threads);
