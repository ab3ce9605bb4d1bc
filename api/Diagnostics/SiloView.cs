namespace Referral.Api.Diagnostics;

/// <summary>One silo: its address and membership status (Active, Dead, …).</summary>
public sealed record SiloView(string Address, string Status);
