using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Referral.Testing;

/// <summary>
/// Free loopback TCP ports for servers the tests start. The OS may hand the same port out again
/// once its probe listener closes, so ports already given to this test process are skipped.
/// </summary>
public static class FreePort
{
    private static readonly ConcurrentDictionary<int, byte> Given = new();

    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (Given.TryAdd(port, 0))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No fresh loopback port after 100 attempts.");
    }
}
