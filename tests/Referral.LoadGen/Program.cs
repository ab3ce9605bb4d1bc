using System.Text.Json;
using Referral.LoadGen.Bare;
using Referral.LoadGen.Referrals;
using Referral.LoadGen.Reporting;
using Referral.LoadGen.Spins;

namespace Referral.LoadGen;

/// <summary>
/// <c>dotnet run -c Release --project tests/Referral.LoadGen -- &lt;quiz|ingest|baseline|spins|referrals&gt; [options]</c>;
/// see docs/benchmarks.md. Progress goes to stderr, the summary table to stdout, the full report to
/// <c>--out</c>. Exit code 0 when every target held, 1 when one failed, 2 on bad arguments.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        LoadGenOptions options;
        try
        {
            options = LoadGenOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        if (options.Scenario == "bare-server")
        {
            await BareServer.RunAsync(options.Port);
            return 0;
        }

        // Ten thousand sockets open at once: start with enough pool threads that the first
        // batches do not wait for the thread pool's slow injection.
        ThreadPool.SetMinThreads(Math.Max(Environment.ProcessorCount * 8, 32), Math.Max(Environment.ProcessorCount * 8, 32));
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        if (options.Scenario == "referrals")
        {
            var referrals = await ReferralsRunner.RunAsync(options, Console.Error, cancel.Token);
            if (options.Out is { } referralsPath)
            {
                await File.WriteAllTextAsync(referralsPath, JsonSerializer.Serialize(referrals, LoadGenRunner.ReportJson), cancel.Token);
            }

            ReferralsRunner.WriteSummary(Console.Out, referrals);
            return referrals.Pass ? 0 : 1;
        }

        if (options.Scenario == "spins")
        {
            var spins = await SpinsRunner.RunAsync(options, Console.Error, cancel.Token);
            if (options.Out is { } spinsPath)
            {
                await File.WriteAllTextAsync(spinsPath, JsonSerializer.Serialize(spins, LoadGenRunner.ReportJson), cancel.Token);
            }

            SpinsRunner.WriteSummary(Console.Out, spins);
            return spins.Pass ? 0 : 1;
        }

        var report = await LoadGenRunner.RunAsync(options, Console.Error, cancel.Token);
        if (options.Out is { } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, LoadGenRunner.ReportJson), cancel.Token);
            await Console.Error.WriteLineAsync($"report written to {path}");
        }

        SummaryTable.Write(Console.Out, report);
        return report.Pass ? 0 : 1;
    }
}
