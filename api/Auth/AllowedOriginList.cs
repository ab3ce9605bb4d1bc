namespace Referral.Api.Auth;

/// <summary>The browser origins of <c>Auth:AllowedOrigins</c>, compared in their normalised form.</summary>
public sealed class AllowedOriginList(IEnumerable<string> origins)
{
    private readonly HashSet<string> _origins = origins
        .Select(Normalize)
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Origins => _origins;

    /// <summary>True when <paramref name="origin"/> (an Origin header value) is on the list.</summary>
    public bool IsAllowed(string origin) => Normalize(origin) is { } normalized && _origins.Contains(normalized);

    /// <summary>
    /// scheme://host[:port] in lower case with the default port dropped, as browsers send it; null
    /// for anything else (paths, the opaque origin "null", other schemes).
    /// </summary>
    public static string? Normalize(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin)
            || !Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }
}
