using System.Globalization;

namespace Referral.LoadGen;

/// <summary>
/// Command-line options. Every count and wait is bounded; defaults give a one-room run of 1,000
/// players, three questions of 10 s, with the bare baseline measured in the same run.
/// </summary>
public sealed record LoadGenOptions
{
    public string Scenario { get; init; } = "quiz";

    /// <summary>The api base address (e.g. http://127.0.0.1:5080/); null with <see cref="StartServer"/>.</summary>
    public Uri? Url { get; init; }

    /// <summary>Start the api from its Release build output and stop it at the end.</summary>
    public bool StartServer { get; init; }

    /// <summary>Path of Referral.Api.dll for <see cref="StartServer"/>. Default: api/bin/Release/net10.0 of this repository.</summary>
    public string? ApiDll { get; init; }

    /// <summary>PID of a server started elsewhere, sampled from /proc.</summary>
    public int? ServerPid { get; init; }

    public int Players { get; init; } = 1000;

    public int Rooms { get; init; } = 1;

    public int Questions { get; init; } = 3;

    /// <summary>Question time limit in seconds (the product allows 5–240).</summary>
    public int TimeLimitSeconds { get; init; } = 10;

    /// <summary>Think time before answering, drawn uniformly in [min, max] ms after the question arrives.</summary>
    public int ThinkMinMs { get; init; } = 300;

    /// <summary>Default: 60% of the time limit.</summary>
    public int? ThinkMaxMs { get; init; }

    public int WrongPercent { get; init; } = 25;

    /// <summary>Players who answer after the deadline (expecting <c>too_late</c>).</summary>
    public int LatePercent { get; init; } = 1;

    /// <summary>Seats (sign-in, connect, join) in flight at once: a new one starts when one ends.</summary>
    public int Batch { get; init; } = 100;

    /// <summary>
    /// Players of a one-question warm-up game played on each server before the measured run and
    /// left out of every metric, so the run measures a warm server rather than the JIT.
    /// </summary>
    public int Warmup { get; init; } = 1000;

    /// <summary>
    /// Warm-up games in a row, each followed by a settle. One is not enough for a warm server: the
    /// first runs mostly at tier 0 and the runtime starts counting calls only once the JIT goes
    /// quiet, so the promotion of the hot code to tier 1 would fall into the measured run.
    /// </summary>
    public int WarmupRounds { get; init; } = 2;

    /// <summary>
    /// quiz only: how players sign in as guests and join: <c>join</c> (JoinRoomAsGuest on the game
    /// connection, opened without a token: sign-in and join in one call), <c>hub</c> (SignInGuest
    /// on it, then JoinRoom) or <c>http</c> (POST /api/auth/guest, connect with the token, JoinRoom).
    /// </summary>
    public string GuestSignIn { get; init; } = "join";

    /// <summary>Pause after the last question's results before the next question.</summary>
    public int RevealMs { get; init; } = 1000;

    public bool Baseline { get; init; } = true;

    /// <summary>Bytes of the questionStarted frame the bare hub sends; default: the product's measured size.</summary>
    public int? PayloadBytes { get; init; }

    public string? Out { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>spins only: how many times the wheel's prize may be won.</summary>
    public int Stock { get; init; } = 10;

    /// <summary>spins only: an admin of the target api (the started api makes <see cref="Hosting.ChildServer.AdminEmail"/> one).</summary>
    public string AdminEmail { get; init; } = Hosting.ChildServer.AdminEmail;

    public string AdminPassword { get; init; } = Scenarios.ProductTarget.HostPassword;

    /// <summary>referrals only: referrers sharing the signups (round-robin).</summary>
    public int Referrers { get; init; } = 10;

    /// <summary>referrals only: target signups per second (paced; 0 = as fast as the in-flight limit allows).</summary>
    public int Rate { get; init; } = 20;

    /// <summary>referrals only: rewarded referrals per referrer (the campaign's cap).</summary>
    public int Cap { get; init; } = 25;

    /// <summary>With --start-server: run the api in durable mode on a throwaway PostgreSQL the tool starts.</summary>
    public bool Postgres { get; init; }

    /// <summary>bare-server only: the loopback port to listen on.</summary>
    public int Port { get; init; }

    public int ThinkMax => ThinkMaxMs ?? TimeLimitSeconds * 600;

    public static LoadGenOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new ArgumentException("usage: <quiz|ingest|baseline|spins|referrals> [--url U | --start-server] [--players N] [--rooms R] [--questions Q] [--out file.json] [--server-pid PID] …");
        }

        var o = new LoadGenOptions { Scenario = args[0] };
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            o = name switch
            {
                "--url" => o with { Url = new Uri(Value().TrimEnd('/') + "/") },
                "--start-server" => o with { StartServer = true },
                "--api-dll" => o with { ApiDll = Value() },
                "--server-pid" => o with { ServerPid = Int() },
                "--players" => o with { Players = Int() },
                "--rooms" => o with { Rooms = Int() },
                "--questions" => o with { Questions = Int() },
                "--time-limit" => o with { TimeLimitSeconds = Int() },
                "--think-min-ms" => o with { ThinkMinMs = Int() },
                "--think-max-ms" => o with { ThinkMaxMs = Int() },
                "--wrong-percent" => o with { WrongPercent = Int() },
                "--late-percent" => o with { LatePercent = Int() },
                "--batch" => o with { Batch = Int() },
                "--warmup" => o with { Warmup = Int() },
                "--warmup-rounds" => o with { WarmupRounds = Int() },
                "--reveal-ms" => o with { RevealMs = Int() },
                "--guest-sign-in" => o with { GuestSignIn = Value() },
                "--no-baseline" => o with { Baseline = false },
                "--payload-bytes" => o with { PayloadBytes = Int() },
                "--out" => o with { Out = Value() },
                "--seed" => o with { Seed = Int() },
                "--port" => o with { Port = Int() },
                "--stock" => o with { Stock = Int() },
                "--referrers" => o with { Referrers = Int() },
                "--rate" => o with { Rate = Int() },
                "--cap" => o with { Cap = Int() },
                "--postgres" => o with { Postgres = true },
                "--admin-email" => o with { AdminEmail = Value() },
                "--admin-password" => o with { AdminPassword = Value() },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        return o.Validate();
    }

    private LoadGenOptions Validate()
    {
        string[] scenarios = ["quiz", "ingest", "baseline", "bare-server", "spins", "referrals"];
        if (!scenarios.Contains(Scenario))
        {
            throw new ArgumentException($"unknown scenario '{Scenario}': quiz, ingest, baseline, spins or referrals.");
        }

        if (Players is < 1 or > 19_500 || Rooms is < 1 or > 1000 || Players * Rooms > 19_500)
        {
            throw new ArgumentException("--players × --rooms must be 1–19,500 (one process holds under 20,000 sockets).");
        }

        if (Referrers is < 1 or > 10_000 || Rate is < 0 or > 10_000 || Cap is < 1 or > 1_000_000)
        {
            throw new ArgumentException("--referrers 1–10,000, --rate 0–10,000, --cap 1–1,000,000.");
        }

        if (Warmup is < 0 or > 10_000 || WarmupRounds is < 1 or > 5)
        {
            throw new ArgumentException("--warmup 0–10,000 players, --warmup-rounds 1–5.");
        }

        if (GuestSignIn is not ("join" or "hub" or "http"))
        {
            throw new ArgumentException("--guest-sign-in join, hub or http.");
        }

        if (Stock is < 0 or > 1_000_000)
        {
            throw new ArgumentException("--stock 0–1,000,000.");
        }

        if (Questions is < 1 or > 100 || TimeLimitSeconds is < 5 or > 240 || Batch is < 1 or > 2000)
        {
            throw new ArgumentException("--questions 1–100, --time-limit 5–240, --batch 1–2000.");
        }

        if (ThinkMinMs < 0 || ThinkMax < ThinkMinMs || ThinkMax >= TimeLimitSeconds * 1000)
        {
            throw new ArgumentException("--think-min-ms ≤ --think-max-ms < the time limit.");
        }

        return this;
    }
}
