namespace Referral.Api.Tests.Auth;

/// <summary>
/// One endpoint, as the app's EndpointDataSource names it ("METHOD /pattern"), the request that
/// exercises it, and what each actor must get. <paramref name="FreshCaller"/> rows change or end
/// their caller, so each cell gets a new user of the actor's kind.
/// </summary>
public sealed record MatrixRow(string Endpoint, Statuses Expected, Func<MatrixCase, Task<HttpRequestMessage>> Request, bool FreshCaller = false)
{
    public override string ToString() => Endpoint;
}
