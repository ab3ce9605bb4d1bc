namespace Referral.Api.Hubs;

/// <summary>
/// Anonymous hub connections open at once, per client address (<c>Auth:AnonymousHubConnectionsPerAddress</c>).
/// Each lasts at most <c>Auth:AnonymousHubTimeout</c> and can only sign in, which has its own
/// budget per address, but without this cap one address could hold any number of sockets open for
/// that long. A connection gives its slot back when it signs in or closes.
/// </summary>
public sealed class AnonymousHubSlots(int perAddress)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Anonymous connections open now from <paramref name="address"/>.</summary>
    public int Open(string address)
    {
        lock (_lock)
        {
            return _open.GetValueOrDefault(address);
        }
    }

    /// <summary>Takes a slot for <paramref name="address"/>; false when it holds the most it may.</summary>
    public bool TryTake(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        lock (_lock)
        {
            var open = _open.GetValueOrDefault(address);
            if (open >= perAddress)
            {
                return false;
            }

            _open[address] = open + 1;
            return true;
        }
    }

    public void Release(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        lock (_lock)
        {
            var open = _open.GetValueOrDefault(address);
            if (open <= 1)
            {
                _open.Remove(address);
            }
            else
            {
                _open[address] = open - 1;
            }
        }
    }
}
