namespace Referral.Grains.Abstractions.Quiz;

/// <summary>A six-digit PIN, keyed by the PIN: which live room holds it. Keeps PINs unique among live rooms.</summary>
public interface IRoomPinGrain : IGrainWithStringKey
{
    /// <summary>Claims the PIN for <paramref name="roomId"/>; false when another live room holds it.</summary>
    ValueTask<bool> Claim(Guid roomId);

    /// <summary>The room holding the PIN, or null.</summary>
    ValueTask<Guid?> Resolve();

    /// <summary>Frees the PIN if <paramref name="roomId"/> holds it (the game ended).</summary>
    ValueTask Release(Guid roomId);
}
