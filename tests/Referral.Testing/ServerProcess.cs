using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace Referral.Testing;

/// <summary>
/// One of the product's own binaries (silo or api) started as a real OS process, so tests can
/// kill it with SIGKILL the way a node dies, which no in-process cluster can model.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int OutputLines = 400;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process printed, for failure messages.</summary>
    public string OutputTail => string.Join(Environment.NewLine, _output);

    /// <summary>
    /// Starts <c>dotnet &lt;project&gt;.dll</c> from the project's build output (same configuration
    /// as the tests) with <paramref name="environment"/> added to this process's environment.
    /// </summary>
    public static ServerProcess Start(string name, string projectDirectory, string assemblyName, IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(RepositoryRoot(), projectDirectory, "bin", BuildConfiguration(), "net10.0", assemblyName + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution ({BuildConfiguration()}) before running the cluster tests.");
        }

        var info = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ServerProcess(name, process);
        process.OutputDataReceived += (_, e) => server.Record(e.Data);
        process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        await _process.WaitForExitAsync().WaitAsync(within);
        // The parameterless wait also drains the redirected output, so OutputTail is complete.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hooks, no graceful leave from the cluster.</summary>
    public async Task KillHardAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillHardAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    /// <summary>The folder holding Referral.Orleans.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Referral.Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Referral.Orleans.sln not found above {AppContext.BaseDirectory}.");
    }

    private static string BuildConfiguration() =>
        typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue($"[{Name}] {line}");
        while (_output.Count > OutputLines && _output.TryDequeue(out _))
        {
        }
    }
}
