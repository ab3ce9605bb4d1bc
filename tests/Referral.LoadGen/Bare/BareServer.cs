using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Referral.LoadGen.Bare;

/// <summary>Hosts <see cref="BareHub"/> on a loopback port (the hidden <c>bare-server</c> scenario, run as a child process).</summary>
public static class BareServer
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BareRooms>();
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapHub<BareHub>("/hubs/bare");
        await app.RunAsync();
    }
}
