using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Referral.Api.Tests.Auth;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Referrals;

/// <summary>Campaigns, links, signups with codes, review decisions and live events through the api.</summary>
public sealed class ReferralApiTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> AdminAsync() => api.CreateHttpClient(await api.AdminAsync(Ct));

    /// <summary>A client that looks like its own browser: its own user agent (same loopback network as every other).</summary>
    private HttpClient Browser(string agent, TestUser? user = null)
    {
        var http = user is null ? api.CreateHttpClient() : api.CreateHttpClient(user);
        http.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        return http;
    }

    private async Task<Guid> CampaignAsync(object body)
    {
        using var admin = await AdminAsync();
        var created = await admin.PostAsJsonAsync("api/admin/campaigns", body, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"api/admin/campaigns/{id}/status", new { status = "Active" }, Ct)).StatusCode);
        return id;
    }

    private static object SignupCampaign(string name = "Signup bonus") => new
    {
        name,
        qualifyingEvent = "Signup",
        referrerRewards = new[] { new { currency = "points", amount = 100 } },
        refereeRewards = new[] { new { currency = "spins", amount = 2 } },
    };

    private static async Task<JsonElement> Page(HttpClient http, Guid campaign) =>
        await http.GetFromJsonAsync<JsonElement>($"api/me/referrals/{campaign}", Ct);

    private static async Task<HttpResponseMessage> Register(HttpClient http, string? code, string name = "Friend Fay") =>
        await http.PostAsJsonAsync("api/auth/register", new
        {
            email = AuthClient.NewEmail("friend"), password = AuthClient.Password, displayName = name, locale = "fr", referralCode = code,
        }, Ct);

    [Fact]
    public async Task AdminsCreateListUpdateAndMoveCampaigns()
    {
        using var admin = await AdminAsync();
        var created = await admin.PostAsJsonAsync("api/admin/campaigns", new
        {
            name = "Autumn",
            qualifyingEvent = "QuizzesCompleted",
            quizzesRequired = 3,
            attributionWindowSeconds = 7 * 24 * 3600,
            holdSeconds = 3600,
            perReferrerCap = 10,
            budget = new Dictionary<string, long> { ["points"] = 5000 },
            milestones = new[] { new { referrals = 5, bonus = new[] { new { currency = "spins", amount = 5 } } } },
            variants = new[]
            {
                new { name = "A", weight = 1, referrerRewards = new[] { new { currency = "points", amount = 100 } }, refereeRewards = Array.Empty<object>() },
                new { name = "B", weight = 3, referrerRewards = new[] { new { currency = "points", amount = 150 } }, refereeRewards = Array.Empty<object>() },
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = campaign.GetProperty("id").GetGuid();
        Assert.Equal("Draft", campaign.GetProperty("status").GetString());
        Assert.Equal(3, campaign.GetProperty("quizzesRequired").GetInt32());
        Assert.Equal(3600, campaign.GetProperty("holdSeconds").GetInt64());
        Assert.Equal(2, campaign.GetProperty("variants").GetArrayLength());

        var list = await admin.GetFromJsonAsync<JsonElement>("api/admin/campaigns", Ct);
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);

        var updated = await admin.PutAsJsonAsync($"api/admin/campaigns/{id}", SignupCampaign("Autumn, simpler"), Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Autumn, simpler", (await updated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("name").GetString());

        // Draft → paused is not a move; draft → active → paused → ended are; ended is final.
        await ProblemAssert.Is(await admin.PostAsJsonAsync($"api/admin/campaigns/{id}/status", new { status = "Paused" }, Ct), (HttpStatusCode)409, "invalid_status_transition");
        foreach (var status in new[] { "Active", "Paused", "Ended" })
        {
            var moved = await admin.PostAsJsonAsync($"api/admin/campaigns/{id}/status", new { status }, Ct);
            Assert.Equal(status, (await moved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        }

        await ProblemAssert.Is(await admin.PutAsJsonAsync($"api/admin/campaigns/{id}", SignupCampaign(), Ct), (HttpStatusCode)409, "invalid_status_transition");
        await ProblemAssert.Is(await admin.GetAsync(new Uri($"api/admin/campaigns/{Guid.NewGuid()}", UriKind.Relative), Ct), (HttpStatusCode)404, "campaign_not_found");
    }

    [Fact]
    public async Task InvalidCampaignsAreRefusedNamingEveryField()
    {
        using var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("api/admin/campaigns", new
        {
            name = "",
            holdSeconds = -5,
            perReferrerCap = 0,
            budget = new Dictionary<string, long> { ["gold"] = 1 },
            variants = new[] { new { name = "A", weight = 0, referrerRewards = new[] { new { currency = "points", amount = -1 } } } },
        }, Ct);

        var problem = await ProblemAssert.Is(response, (HttpStatusCode)400, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "name", "holdSeconds", "perReferrerCap", "budget", "variants[0].weight", "variants[0].referrerRewards[0].amount" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("api/admin/campaigns", Ct)).EnumerateArray(), c => c.GetProperty("name").GetString() == "");
    }

    [Fact]
    public async Task ALinkClickAndASignupWithItsCodeRewardBothSides()
    {
        var campaign = await CampaignAsync(SignupCampaign());
        using var anonymous = api.CreateHttpClient();
        var referrerUser = await anonymous.GuestAsync(displayName: "Rita Referrer", ct: Ct);
        using var referrer = Browser("ReferrerBrowser/1.0", referrerUser);

        var page = await Page(referrer, campaign);
        var code = page.GetProperty("code").GetString()!;
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$", code);
        Assert.EndsWith($"/r/{code}", page.GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.Equal(code, (await Page(referrer, campaign)).GetProperty("code").GetString());
        Assert.Contains((await referrer.GetFromJsonAsync<JsonElement>("api/campaigns", Ct)).EnumerateArray(), c => c.GetProperty("id").GetGuid() == campaign);

        using var friendBrowser = Browser("FriendBrowser/2.0");
        var click = await friendBrowser.GetAsync(new Uri($"r/{code.ToLowerInvariant()}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal($"/signup?ref={code}", click.Headers.Location!.OriginalString);

        var registered = await Register(friendBrowser, code);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var friend = await AuthClient.ReadUser(registered, HttpStatusCode.Created, "friend", null, null, null, Ct);

        page = await Page(referrer, campaign);
        Assert.Equal(1, page.GetProperty("clicks").GetInt64());
        Assert.Equal(1, page.GetProperty("rewarded").GetInt32());
        var listed = Assert.Single(page.GetProperty("friends").EnumerateArray());
        Assert.Equal("Friend Fay", listed.GetProperty("name").GetString());
        Assert.Equal("Rewarded", listed.GetProperty("status").GetString());

        var referrerWallet = await referrer.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct);
        Assert.Equal(100, referrerWallet.GetProperty("balances").GetProperty("points").GetInt64());
        using var friendHttp = api.CreateHttpClient(friend);
        var friendWallet = await friendHttp.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct);
        Assert.Equal(2, friendWallet.GetProperty("balances").GetProperty("spins").GetInt64());
        var mine = await friendHttp.GetFromJsonAsync<JsonElement>("api/me/referral", Ct);
        Assert.Equal("Rewarded", mine.GetProperty("status").GetString());
        Assert.Equal(campaign, mine.GetProperty("campaignId").GetGuid());

        var board = await referrer.GetFromJsonAsync<JsonElement>($"api/campaigns/{campaign}/leaderboard", Ct);
        Assert.Equal(1, board.GetProperty("own").GetProperty("rank").GetInt32());
        Assert.Equal("Rita Referrer", board.GetProperty("top")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task TheFriendsListSaysWhatEachFriendEarnedTheReferrerUntilAReversal()
    {
        var campaign = await CampaignAsync(new
        {
            name = "Earnings per friend",
            qualifyingEvent = "Signup",
            referrerRewards = new[] { new { currency = "points", amount = 100 } },
            refereeRewards = new[] { new { currency = "spins", amount = 2 } },
            milestones = new[] { new { referrals = 1, bonus = new[] { new { currency = "spins", amount = 3 } } } },
        });
        using var anonymous = api.CreateHttpClient();
        var referrerUser = await anonymous.GuestAsync(displayName: "Eli Earner", ct: Ct);
        using var referrer = Browser("EarnerBrowser/1.0", referrerUser);
        var code = (await Page(referrer, campaign)).GetProperty("code").GetString();

        using var first = Browser("FirstFriend/1.0");
        var firstFriend = await AuthClient.ReadUser(await Register(first, code, "First Fox"), HttpStatusCode.Created, "first friend", null, null, null, Ct);
        using var second = Browser("SecondFriend/1.0");
        await AuthClient.ReadUser(await Register(second, code, "Second Sol"), HttpStatusCode.Created, "second friend", null, null, null, Ct);

        // Newest first: the second friend earned the referrer reward; the first also reached milestone 1.
        var friends = (await Page(referrer, campaign)).GetProperty("friends").EnumerateArray().ToList();
        Assert.Equal(["Second Sol", "First Fox"], friends.Select(f => f.GetProperty("name").GetString()));
        static string Rewards(JsonElement friend) =>
            string.Join(", ", friend.GetProperty("rewards").EnumerateArray().Select(r => $"{r.GetProperty("amount").GetInt64()} {r.GetProperty("currency").GetString()}"));
        Assert.Equal("100 points", Rewards(friends[0]));
        Assert.Equal("100 points, 3 spins", Rewards(friends[1]));

        using var admin = await AdminAsync();
        var reversed = await admin.PostAsJsonAsync($"api/admin/referrals/{firstFriend.Id}/reverse", new { note = "chargeback" }, Ct);
        Assert.Equal(HttpStatusCode.OK, reversed.StatusCode);
        var after = (await Page(referrer, campaign)).GetProperty("friends").EnumerateArray().ToList();
        Assert.Equal("Reversed", after[1].GetProperty("status").GetString());
        Assert.Equal("", Rewards(after[1]));
        Assert.Equal("100 points", Rewards(after[0]));
    }

    [Fact]
    public async Task AnUnknownCodeIsAFieldErrorAndCreatesNoAccount()
    {
        using var http = Browser("Typo/1.0");
        var email = AuthClient.NewEmail("typo");
        var response = await http.PostAsJsonAsync("api/auth/register", new
        {
            email, password = AuthClient.Password, displayName = "Typo Tom", locale = "en", referralCode = "NOPE2345",
        }, Ct);

        var problem = await ProblemAssert.Is(response, (HttpStatusCode)400, "unknown_referral_code");
        Assert.True(problem.GetProperty("errors").TryGetProperty("referralCode", out _));
        var login = await http.PostAsJsonAsync("api/auth/login", new { email, password = AuthClient.Password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);

        var dead = await http.GetAsync(new Uri("r/NOPE2345", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, dead.StatusCode);
        Assert.Equal("/signup?ref_error=unknown_code", dead.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ASignupFromTheReferrersOwnBrowserWaitsForReviewAndAnAdminDecides()
    {
        var campaign = await CampaignAsync(SignupCampaign("Review me"));
        using var anonymous = api.CreateHttpClient();
        var referrerUser = await anonymous.GuestAsync(displayName: "Sam Shared", ct: Ct);
        using var referrer = Browser("SharedBrowser/9.9", referrerUser);
        var code = (await Page(referrer, campaign)).GetProperty("code").GetString();

        // Same network (loopback) and same user agent as the referrer: flagged, not blocked.
        using var sameBrowser = Browser("SharedBrowser/9.9");
        var friend = await AuthClient.ReadUser(await Register(sameBrowser, code, "Coworker Cy"), HttpStatusCode.Created, "friend", null, null, null, Ct);

        using var admin = await AdminAsync();
        var queue = await admin.GetFromJsonAsync<JsonElement>("api/admin/referrals/review", Ct);
        var item = Assert.Single(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("refereeId").GetGuid() == friend.Id);
        Assert.Contains(item.GetProperty("signals").EnumerateArray(), s => s.GetProperty("rule").GetString() == "same_network_and_agent");
        Assert.Equal(0, (await referrer.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct)).GetProperty("balances").GetProperty("points").GetInt64());

        await ProblemAssert.Is(await admin.PostAsJsonAsync($"api/admin/referrals/{friend.Id}/reject", new { note = "" }, Ct), (HttpStatusCode)400, "validation_failed");
        var approved = await admin.PostAsJsonAsync($"api/admin/referrals/{friend.Id}/approve", new { note = "same office, checked" }, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var view = await approved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Rewarded", view.GetProperty("status").GetString());
        var adminId = (await api.AdminAsync(Ct)).Id;
        Assert.Contains(view.GetProperty("audit").EnumerateArray(), a =>
            a.GetProperty("action").GetString() == "review_approved" && a.GetProperty("actor").GetGuid() == adminId);
        Assert.Equal(100, (await referrer.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct)).GetProperty("balances").GetProperty("points").GetInt64());

        await ProblemAssert.Is(await admin.PostAsJsonAsync($"api/admin/referrals/{friend.Id}/reject", new { note = "changed my mind" }, Ct), (HttpStatusCode)409, "invalid_referral_state");
        var reversed = await admin.PostAsJsonAsync($"api/admin/referrals/{friend.Id}/reverse", new { note = "chargeback" }, Ct);
        Assert.Equal("Reversed", (await reversed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Equal(0, (await referrer.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct)).GetProperty("balances").GetProperty("points").GetInt64());
    }

    [Fact]
    public async Task TheReferrerSeesClicksFriendsRewardsAndTheLeaderboardLive()
    {
        var campaign = await CampaignAsync(SignupCampaign("Live"));
        using var anonymous = api.CreateHttpClient();
        var referrerUser = await anonymous.GuestAsync(displayName: "Lee Live", ct: Ct);
        using var referrer = Browser("LiveReferrer/1.0", referrerUser);
        var code = (await Page(referrer, campaign)).GetProperty("code").GetString();

        var activity = new ConcurrentQueue<JsonElement>();
        var boards = new ConcurrentQueue<JsonElement>();
        await using var hub = api.CreateHubConnection(referrerUser);
        hub.On<JsonElement>("referralActivity", activity.Enqueue);
        hub.On<JsonElement>("leaderboardChanged", boards.Enqueue);
        await hub.StartAsync(Ct);
        await hub.InvokeAsync("WatchReferrals", campaign, Ct);

        using var friendBrowser = Browser("LiveFriend/1.0");
        await friendBrowser.GetAsync(new Uri($"r/{code}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Created, (await Register(friendBrowser, code, "Joy Joiner")).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        string[] expected = ["link_clicked", "friend_joined", "status_changed", "reward_credited"];
        while (DateTime.UtcNow < deadline && (!expected.All(k => activity.Any(a => a.GetProperty("kind").GetString() == k)) || boards.IsEmpty))
        {
            await Task.Delay(50, Ct);
        }

        var kinds = activity.Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.All(expected, k => Assert.Contains(k, kinds));
        Assert.Contains(activity, a => a.GetProperty("kind").GetString() == "friend_joined" && a.GetProperty("friendName").GetString() == "Joy Joiner");
        Assert.Contains(activity, a => a.GetProperty("kind").GetString() == "status_changed" && a.GetProperty("status").GetString() == "Rewarded");
        var credited = activity.First(a => a.GetProperty("kind").GetString() == "reward_credited");
        Assert.Equal(100, credited.GetProperty("rewards")[0].GetProperty("amount").GetInt64());
        var board = Assert.Single(boards);
        Assert.Equal("Lee Live", board.GetProperty("top")[0].GetProperty("name").GetString());

        var missing = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("WatchReferrals", Guid.NewGuid(), Ct));
        Assert.Contains("campaign_not_found", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCampaignsWebhookReceivesSignedLifecycleEvents()
    {
        using var receiver = new WebhookReceiver().Start();
        const string Secret = "whsec-lifecycle-0123456789abcdef";
        var campaign = await CampaignAsync(SignupCampaign("Hooked"));
        using (var admin = await AdminAsync())
        {
            var configured = await admin.PutAsJsonAsync($"api/admin/campaigns/{campaign}/webhook", new { url = receiver.Url, secret = Secret }, Ct);
            Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        }

        using var anonymous = api.CreateHttpClient();
        var referrerUser = await anonymous.GuestAsync(displayName: "Hook Referrer", ct: Ct);
        using var referrer = Browser("HookReferrer/1.0", referrerUser);
        var code = (await Page(referrer, campaign)).GetProperty("code").GetString();
        using var friendBrowser = Browser("HookFriend/1.0");
        var friend = await AuthClient.ReadUser(await Register(friendBrowser, code), HttpStatusCode.Created, "friend", null, null, null, Ct);

        var received = await receiver.WaitForAsync(3, TimeSpan.FromSeconds(20), Ct);
        var types = received.Select(r => r.Header("Referral-Event-Type")).ToList();
        Assert.Equal(["referral.pending", "referral.approved", "referral.rewarded"], types);
        foreach (var hook in received)
        {
            Assert.True(Grains.Referrals.Webhooks.WebhookSignature.Verify(Secret, hook.Header("Referral-Signature"), hook.BodyText, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        }

        var rewarded = JsonDocument.Parse(received[^1].BodyText).RootElement;
        Assert.Equal($"{friend.Id:N}:referral.rewarded", rewarded.GetProperty("id").GetString());
        var data = rewarded.GetProperty("data");
        Assert.Equal(friend.Id, data.GetProperty("refereeId").GetGuid());
        Assert.Equal(referrerUser.Id, data.GetProperty("referrerId").GetGuid());
        Assert.Equal("rewarded", data.GetProperty("status").GetString());
        Assert.All(data.GetProperty("rewards").EnumerateArray(), r => Assert.True(r.GetProperty("paid").GetBoolean()));
        Assert.DoesNotContain("Friend Fay", received[^1].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisposableMailboxOrTheReferrersOwnGmailWithDotsAndTagsIsCaught()
    {
        var campaign = await CampaignAsync(SignupCampaign("Mailboxes"));
        using var anonymous = api.CreateHttpClient();
        var local = "ref" + Guid.NewGuid().ToString("N")[..10];
        using var referrerBrowser = Browser("MailReferrer/1.0");
        var registered = await referrerBrowser.PostAsJsonAsync("api/auth/register", new
        {
            email = $"{local}@gmail.com", password = AuthClient.Password, displayName = "Gina Gmail", locale = "en",
        }, Ct);
        var referrerUser = await AuthClient.ReadUser(registered, HttpStatusCode.Created, "referrer", null, null, null, Ct);
        using var referrer = Browser("MailReferrer/1.0", referrerUser);
        var code = (await Page(referrer, campaign)).GetProperty("code").GetString();

        // The same Gmail mailbox written with dots and a +tag is the referrer herself.
        var dotted = string.Join('.', local.ToCharArray()) + "+promo@googlemail.com";
        using var second = Browser("OtherDevice/3.0");
        var self = await second.PostAsJsonAsync("api/auth/register", new
        {
            email = dotted, password = AuthClient.Password, displayName = "Gina Again", locale = "en", referralCode = code,
        }, Ct);
        var selfUser = await AuthClient.ReadUser(self, HttpStatusCode.Created, "self", null, null, null, Ct);

        using var third = Browser("Throwaway/4.0");
        var throwaway = await third.PostAsJsonAsync("api/auth/register", new
        {
            email = $"x{Guid.NewGuid():N}@mailinator.com", password = AuthClient.Password, displayName = "Tim Temp", locale = "en", referralCode = code,
        }, Ct);
        var throwawayUser = await AuthClient.ReadUser(throwaway, HttpStatusCode.Created, "throwaway", null, null, null, Ct);

        using var admin = await AdminAsync();
        var selfView = await admin.GetFromJsonAsync<JsonElement>($"api/admin/referrals/{selfUser.Id}", Ct);
        Assert.Equal("Rejected", selfView.GetProperty("status").GetString());
        Assert.Equal("self_referral", selfView.GetProperty("reason").GetString());
        var tempView = await admin.GetFromJsonAsync<JsonElement>($"api/admin/referrals/{throwawayUser.Id}", Ct);
        Assert.True(tempView.GetProperty("reviewRequired").GetBoolean());
        Assert.Contains(tempView.GetProperty("signals").EnumerateArray(), s => s.GetProperty("rule").GetString() == "disposable_email");
        Assert.Equal(0, (await referrer.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct)).GetProperty("balances").GetProperty("points").GetInt64());
    }
}
