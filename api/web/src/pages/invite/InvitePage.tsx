import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../../api/http";
import type { CampaignOffer, LeaderboardChanged, LeaderboardView, MyReferral, MyReferrals, ReferralActivity } from "../../api/referrals";
import type { WalletResponse } from "../../api/types";
import { session } from "../../api/session";
import { hub } from "../../live/hub";
import { routeStore } from "../../router";
import { useStore } from "../../store";
import { errorText, formatNumber, t } from "../../i18n";
import { Alert } from "../../components/Field";
import { ConnectionBadge } from "../../components/ConnectionBadge";
import { showToast } from "../../components/Toast";
import { ShareLink } from "./ShareLink";
import { Friends } from "./Friends";
import { Milestones } from "./Milestones";
import { CampaignLeaderboard } from "./CampaignLeaderboard";
import { WalletSummary } from "./WalletSummary";
import { applyActivity, applyLeaderboard, type Board } from "./live";
import { endsText, plural, qualifyingText, rewardsText } from "./format";
import "./invite.css";

const friendsShown = 50;
const ledgerShown = 5;

const message = (e: unknown) => errorText(e instanceof ApiError ? e.code : "");

/** The campaign to open: the one in the address, else the one with the most activity, else the one the user came in by, else the first. */
function pickDefault(pages: MyReferrals[], wanted: string | null, referredBy: string | null): string | null {
  if (wanted && pages.some((p) => p.campaign.id === wanted)) return wanted;
  const busiest = [...pages].sort((a, b) => b.friendsTotal - a.friendsTotal || b.clicks - a.clicks)[0];
  if (busiest && (busiest.friendsTotal > 0 || busiest.clicks > 0)) return busiest.campaign.id;
  if (referredBy && pages.some((p) => p.campaign.id === referredBy)) return referredBy;
  return pages[0]?.campaign.id ?? null;
}

function toastFor(a: ReferralActivity, me: string) {
  switch (a.kind) {
    case "friend_joined":
      showToast(t("toast.friendJoined", { name: a.friendName ?? "" }));
      break;
    case "reward_credited":
      showToast(a.refereeId === me ? t("toast.welcomeReward", { rewards: rewardsText(a.rewards) }) : t("toast.reward", { rewards: rewardsText(a.rewards), name: a.friendName ?? "" }), "success");
      break;
    case "milestone_reached":
      showToast(plural("toast.milestone", a.milestone ?? 0, { rewards: rewardsText(a.rewards) }), "success");
      break;
  }
}

/** The referral dashboard (GET /api/me/referrals…): link, offer, friends, milestones, leaderboard and wallet, kept live over the hub. */
export function InvitePage() {
  const me = session.user?.id ?? "";
  const { query } = useStore(routeStore);
  const [campaigns, setCampaigns] = useState<CampaignOffer[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [page, setPage] = useState<MyReferrals | null>(null);
  const [board, setBoard] = useState<Board | null>(null);
  const [wallet, setWallet] = useState<WalletResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadWallet = () => api<WalletResponse>("GET", `/api/me/wallet?skip=0&take=${ledgerShown}`).then(setWallet, (e) => setError(message(e)));

  useEffect(() => {
    void loadWallet();
    Promise.all([
      api<MyReferrals[]>("GET", "/api/me/referrals"),
      api<MyReferral>("GET", "/api/me/referral").catch(() => null),
    ]).then(([pages, referral]) => {
      setCampaigns(pages.map((p) => p.campaign));
      const id = pickDefault(pages, query.get("campaign"), referral?.campaignId ?? null);
      setPage(pages.find((p) => p.campaign.id === id) ?? null);
      setSelected(id);
    }, (e) => setError(message(e)));
  }, []);

  // Watch the chosen campaign: subscribe first, then read the page, so nothing falls in between.
  useEffect(() => {
    if (!selected) return;
    let disposed = false;
    const refresh = async () => {
      const [p, b] = await Promise.all([
        api<MyReferrals>("GET", `/api/me/referrals/${selected}?take=${friendsShown}`),
        api<LeaderboardView>("GET", `/api/campaigns/${selected}/leaderboard`),
      ]);
      if (!disposed) {
        setPage(p);
        setBoard({ top: b.top, own: b.own });
      }
    };
    const watch = async () => {
      // A call still waiting for the connection must not land after the next campaign's watch.
      await hub.ensure().catch(() => undefined);
      if (disposed) return;
      await hub.invoke("WatchReferrals", selected).catch(() => undefined);
      await refresh().catch((e) => !disposed && setError(message(e)));
    };
    const stopWatching = hub.watch({
      // After a reconnect: watch again and catch up with what happened meanwhile.
      resync: async () => {
        await watch();
        void loadWallet();
      },
    });
    const offActivity = hub.on<ReferralActivity>("referralActivity", (a) => {
      toastFor(a, me);
      if (a.kind === "reward_credited") void loadWallet();
      if (a.campaignId === selected) setPage((p) => (p ? applyActivity(p, a, me) : p));
    });
    const offBoard = hub.on<LeaderboardChanged>("leaderboardChanged", (e) => {
      if (e.campaignId === selected) setBoard((b) => applyLeaderboard(b, e, me));
    });
    void watch();
    return () => {
      disposed = true;
      stopWatching();
      offActivity();
      offBoard();
      if (hub.state.get() === "connected") void hub.invoke("UnwatchReferrals").catch(() => undefined);
    };
  }, [selected]);

  const choose = (id: string) => {
    setBoard(null);
    setSelected(id);
    // The address keeps the choice (a reload or a shared tab opens the same campaign) without a scroll to the top.
    history.replaceState(null, "", `/invite?campaign=${encodeURIComponent(id)}`);
  };

  const offer = page?.campaign;
  return (
    <section class="invite">
      <h1>{t("invite.title")}</h1>
      <Alert message={error} />
      {campaigns === null ? !error && <p role="status">{t("common.loading")}</p> : campaigns.length === 0 ? (
        <p class="card" data-testid="no-campaign">{t("invite.noCampaign")}</p>
      ) : (
        <>
          {campaigns.length > 1 && (
            <div class="field invite-choose">
              <label for="invite-campaign">{t("invite.campaign")}</label>
              <select id="invite-campaign" value={selected ?? ""} data-testid="campaign-select" onChange={(e) => choose((e.target as HTMLSelectElement).value)}>
                {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            </div>
          )}
          <ConnectionBadge />
          {!page || !offer ? <p role="status">{t("common.loading")}</p> : (
            <>
              <section class="card invite-offer" aria-labelledby="invite-offer-title">
                <h2 id="invite-offer-title" data-testid="campaign-name">{offer.name}</h2>
                <ul class="invite-offer-list">
                  <li data-testid="offer-friend">{t("invite.offer.friend", { rewards: rewardsText(offer.refereeRewards) || t("invite.offer.nothing") })}</li>
                  <li data-testid="offer-you">{t("invite.offer.you", { rewards: rewardsText(offer.referrerRewards) || t("invite.offer.nothing"), when: qualifyingText(offer) })}</li>
                  {offer.perReferrerCap != null && <li>{t("invite.offer.cap", { count: offer.perReferrerCap })}</li>}
                  {endsText(offer) && <li>{endsText(offer)}</li>}
                </ul>
                <dl class="invite-stats">
                  <div><dt>{t("invite.stats.clicks")}</dt><dd data-testid="clicks">{formatNumber(page.clicks)}</dd></div>
                  <div><dt>{t("invite.stats.friends")}</dt><dd data-testid="friends-count">{formatNumber(page.friendsTotal)}</dd></div>
                  <div><dt>{t("invite.stats.rewarded")}</dt><dd data-testid="rewarded-count">{formatNumber(page.rewarded)}</dd></div>
                </dl>
              </section>
              {page.link ? <ShareLink link={page.link} code={page.code} campaignName={offer.name} /> : <p class="card">{t("invite.link.none")}</p>}
              <Friends friends={page.friends} total={page.friendsTotal} offer={offer} />
              <Milestones tiers={offer.milestones} rewarded={page.rewarded} reached={page.milestonesReached} />
              {board && <CampaignLeaderboard top={board.top} own={board.own} me={me} />}
            </>
          )}
        </>
      )}
      <WalletSummary wallet={wallet} />
    </section>
  );
}
