import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { match, navigate, routeStore } from "./router";
import { useStore } from "./store";
import { session } from "./api/session";
import { hub } from "./live/hub";
import { forgetAllRooms } from "./live/room";
import { locales, setLocale, t, useLocale, type Locale } from "./i18n";
import { HomePage } from "./pages/HomePage";
import { JoinPage } from "./pages/JoinPage";
import { LoginPage, SignupPage } from "./pages/AuthPages";
import { PlayPage } from "./pages/PlayPage";
import { WalletPage } from "./pages/WalletPage";
import { InvitePages } from "./pages/invite/lazy";
import { clearToasts, Toasts } from "./components/Toast";
import { NotFoundPage } from "./pages/NotFoundPage";
import { WheelPages } from "./pages/wheel/lazy";
import { QuizListPage } from "./pages/host/QuizListPage";
import { QuizEditorPage } from "./pages/host/QuizEditorPage";
import { HostRoomPage } from "./pages/host/HostRoomPage";
import { AdminPage } from "./pages/admin/lazy";

/** Who may open a route: anyone, a signed-in user, or a role. Referral, wheel and admin pages slot in here as their apis land. */
type Access = "anyone" | "signedIn" | "host" | "admin";

interface Route {
  pattern: string;
  access: Access;
  render: (params: Record<string, string>) => ComponentChildren;
  /** Big-screen pages drop the page chrome. */
  bare?: boolean;
}

const routes: Route[] = [
  { pattern: "/", access: "anyone", render: () => <HomePage /> },
  { pattern: "/join", access: "anyone", render: () => <JoinPage /> },
  { pattern: "/login", access: "anyone", render: () => <LoginPage /> },
  { pattern: "/signup", access: "anyone", render: () => <SignupPage /> },
  { pattern: "/play/:roomId", access: "signedIn", render: (p) => <PlayPage roomId={p.roomId} /> },
  { pattern: "/wallet", access: "signedIn", render: () => <WalletPage /> },
  { pattern: "/wheel", access: "signedIn", render: () => <WheelPages render={(w) => <w.WheelListPage />} /> },
  { pattern: "/wheel/:wheelId", access: "signedIn", render: (p) => <WheelPages render={(w) => <w.WheelPage key={p.wheelId} wheelId={p.wheelId} />} /> },
  { pattern: "/invite", access: "signedIn", render: () => <InvitePages render={(i) => <i.InvitePage />} /> },
  { pattern: "/host", access: "host", render: () => <QuizListPage /> },
  { pattern: "/host/quizzes/new", access: "host", render: () => <QuizEditorPage /> },
  { pattern: "/host/quizzes/:quizId", access: "host", render: (p) => <QuizEditorPage quizId={p.quizId} /> },
  { pattern: "/host/rooms/:roomId", access: "host", render: (p) => <HostRoomPage roomId={p.roomId} />, bare: true },
  { pattern: "/admin", access: "admin", render: () => <AdminPage render={(a) => <a.OperationsPage />} /> },
  { pattern: "/admin/campaigns", access: "admin", render: () => <AdminPage render={(a) => <a.CampaignListPage />} /> },
  { pattern: "/admin/campaigns/new", access: "admin", render: () => <AdminPage render={(a) => <a.CampaignEditorPage />} /> },
  { pattern: "/admin/campaigns/:campaignId", access: "admin", render: (p) => <AdminPage render={(a) => <a.CampaignEditorPage key={p.campaignId} campaignId={p.campaignId} />} /> },
  { pattern: "/admin/review", access: "admin", render: () => <AdminPage render={(a) => <a.ReviewQueuePage />} /> },
  { pattern: "/admin/wheels", access: "admin", render: () => <AdminPage render={(a) => <a.WheelListPage />} /> },
  { pattern: "/admin/wheels/new", access: "admin", render: () => <AdminPage render={(a) => <a.WheelEditorPage />} /> },
  { pattern: "/admin/wheels/:wheelId", access: "admin", render: (p) => <AdminPage render={(a) => <a.WheelEditorPage key={p.wheelId} wheelId={p.wheelId} />} /> },
];

/** Navigation entries; each shows only to users who may open it. */
const nav: { href: string; label: "nav.play" | "nav.wallet" | "nav.host" | "wheel.nav" | "nav.admin" | "nav.invite"; access: Access }[] = [
  { href: "/", label: "nav.play", access: "anyone" },
  { href: "/wallet", label: "nav.wallet", access: "signedIn" },
  { href: "/invite", label: "nav.invite", access: "signedIn" },
  { href: "/wheel", label: "wheel.nav", access: "signedIn" },
  { href: "/host", label: "nav.host", access: "host" },
  { href: "/admin", label: "nav.admin", access: "admin" },
];

function allowed(access: Access): boolean {
  switch (access) {
    case "anyone": return true;
    case "signedIn": return session.signedIn();
    default: return session.hasRole(access);
  }
}

function LanguageSwitch() {
  const locale = useLocale();
  return (
    <label class="language">
      <span class="visually-hidden">{t("language.label")}</span>
      <select value={locale} data-testid="language" onChange={(e) => setLocale((e.target as HTMLSelectElement).value as Locale)}>
        {locales.map((l) => <option key={l} value={l} lang={l}>{t(`language.${l}`)}</option>)}
      </select>
    </label>
  );
}

/** The hub connection was opened with this user's token: it goes first, with the rooms it followed. */
async function signOut() {
  forgetAllRooms();
  clearToasts();
  await hub.stop();
  await session.logout();
  navigate("/");
}

function Header({ path }: { path: string }) {
  const { user } = useStore(session.state);
  return (
    <header class="top">
      <a class="brand" href="/">{t("app.name")}</a>
      <nav aria-label={t("nav.label")}>
        <ul>
          {nav.filter((n) => allowed(n.access)).map((n) => (
            <li key={n.href}><a href={n.href} aria-current={path === n.href || (n.href === "/admin" && path.startsWith("/admin/")) ? "page" : undefined}>{t(n.label)}</a></li>
          ))}
        </ul>
      </nav>
      <div class="account">
        <LanguageSwitch />
        {user ? (
          <>
            <span class="who" data-testid="who">{user.displayName}</span>
            <button type="button" class="link" onClick={() => void signOut()}>{t("nav.logout")}</button>
          </>
        ) : (
          <a href={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>{t("nav.login")}</a>
        )}
      </div>
    </header>
  );
}

function Gate({ access, children }: { access: Access; children: ComponentChildren }) {
  const { status } = useStore(session.state);
  const needsLogin = access !== "anyone" && status === "signedOut";
  useEffect(() => {
    if (needsLogin) navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, true);
  }, [needsLogin]);
  if (access === "anyone") return <>{children}</>;
  if (status !== "signedIn") return <p class="loading" role="status">{t("common.loading")}</p>;
  if (!allowed(access)) return <section class="card"><h1>{t("access.denied")}</h1><p>{t(access === "host" ? "access.hostOnly" : "access.denied")}</p></section>;
  return <>{children}</>;
}

export function App() {
  useLocale();
  useStore(session.state);
  const { path } = useStore(routeStore);
  let found: { route: Route; params: Record<string, string> } | null = null;
  for (const route of routes) {
    const params = match(route.pattern, path);
    if (params) {
      found = { route, params };
      break;
    }
  }
  const page = found ? <Gate access={found.route.access}>{found.route.render(found.params)}</Gate> : <NotFoundPage />;
  return (
    <>
      <a class="skip" href="#main">{t("nav.skip")}</a>
      {!found?.route.bare && <Header path={path} />}
      <main id="main" class={found?.route.bare ? "bare" : undefined} tabIndex={-1}>{page}</main>
      <Toasts />
    </>
  );
}
