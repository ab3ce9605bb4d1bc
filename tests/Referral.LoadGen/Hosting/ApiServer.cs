using Referral.Testing;

namespace Referral.LoadGen.Hosting;

/// <summary>
/// The api a REST scenario runs against: <c>--url</c>, or one this tool starts (single-node
/// memory mode, or with <c>--postgres</c> durable mode on a throwaway PostgreSQL it also starts).
/// Everything started is stopped by its own PID on dispose.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    private ChildServer? _child;
    private PostgresServer? _postgres;

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public int? Pid => _child?.Pid;

    public string Mode => _postgres is null ? "memory" : "postgres";

    public static async Task<ApiServer> StartAsync(LoadGenOptions options, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var server = new ApiServer();
        try
        {
            if (!options.StartServer)
            {
                server.Url = options.Url ?? throw new ArgumentException("pass --url of a running api, or --start-server.");
                return server;
            }

            string? connectionString = null;
            if (options.Postgres)
            {
                server._postgres = new PostgresServer();
                await server._postgres.InitializeAsync();
                connectionString = await server._postgres.CreateDatabaseAsync();
                log.WriteLine($"PostgreSQL {server._postgres.MajorVersion} started on 127.0.0.1:{server._postgres.Port}");
            }

            server._child = await ChildServer.StartApiAsync(options.ApiDll ?? LoadGenRunner.DefaultApiDll(), connectionString, ct);
            server.Url = server._child.Url;
            log.WriteLine($"api started ({server.Mode}), pid {server._child.Pid}, {server.Url}");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_child is not null)
        {
            await _child.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
