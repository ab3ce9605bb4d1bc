import type { AuthResponse, User } from "./types";
import { ApiError, post, toError } from "./errors";
import { createStore } from "../store";

const refreshKey = "referral.refresh";
const deviceKey = "referral.device";
const deviceLabel = "Web";

export type SessionStatus = "restoring" | "signedOut" | "signedIn";

export interface SessionState {
  status: SessionStatus;
  user: User | null;
}

/**
 * The signed-in session (docs/auth.md). The access token lives in memory only. The refresh token
 * has to survive a reload, so it sits in localStorage (the trade-off auth.md describes; the strict
 * CSP is the defence). Refreshes are single-flight inside the tab, and across tabs through the Web
 * Locks API: each refresh reads the newest token under the lock, so two tabs never present the
 * same refresh token twice (which the server would treat as theft and end the session).
 */
class Session {
  readonly state = createStore<SessionState>({ status: "restoring", user: null });
  private access: { token: string; expiresAt: number; lifetime: number } | null = null;
  private refreshing: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  get user(): User | null {
    return this.state.get().user;
  }

  signedIn(): boolean {
    return this.state.get().status === "signedIn";
  }

  hasRole(role: string): boolean {
    return this.user?.roles.includes(role) ?? false;
  }

  /** At start-up: a stored refresh token brings the session back. */
  async restore() {
    if (!localStorage.getItem(refreshKey)) {
      this.state.set({ status: "signedOut", user: null });
      return;
    }
    try {
      await this.refresh();
    } catch {
      // Offline or refused: the user signs in again (a network error keeps the token for next time).
      this.state.set({ status: "signedOut", user: null });
    }
  }

  /** An access token with time left (refreshing first when it is about to expire), or null when signed out. */
  async freshAccessToken(): Promise<string | null> {
    // "Time left": 30 s, or a fifth of the lifetime for very short-lived tokens.
    if (this.access && this.access.expiresAt - Date.now() > Math.min(30_000, this.access.lifetime / 5)) return this.access.token;
    if (!localStorage.getItem(refreshKey)) return null;
    await this.refresh();
    return this.access?.token ?? null;
  }

  refresh(): Promise<void> {
    this.refreshing ??= this.lockedRefresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async lockedRefresh() {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    if (locks) await locks.request("referral-refresh", () => this.refreshNow());
    else await this.refreshNow();
  }

  private async refreshNow() {
    const refreshToken = localStorage.getItem(refreshKey);
    if (!refreshToken) {
      this.clear();
      throw new ApiError(401, "invalid_refresh_token");
    }
    const response = await post("/api/auth/refresh", { refreshToken });
    if (!response.ok) {
      const error = await toError(response);
      // Refused for good (reused, expired, ended elsewhere): the session is over. Other errors
      // (rate limit, server down) keep the token for a later try.
      if (response.status === 401) this.clear();
      throw error;
    }
    this.apply(await response.json());
  }

  private apply(auth: AuthResponse) {
    localStorage.setItem(refreshKey, auth.refreshToken);
    this.access = { token: auth.accessToken, expiresAt: Date.now() + auth.expiresIn * 1000, lifetime: auth.expiresIn * 1000 };
    this.state.set({ status: "signedIn", user: auth.user });
    clearTimeout(this.timer);
    // Refresh at about 80% of the lifetime (docs/auth.md), so hub reconnects always have a fresh token.
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), auth.expiresIn * 800);
  }

  private clear() {
    clearTimeout(this.timer);
    localStorage.removeItem(refreshKey);
    this.access = null;
    this.state.set({ status: "signedOut", user: null });
  }

  private async signIn(path: string, body: unknown) {
    const response = await post(path, body);
    if (!response.ok) throw await toError(response);
    this.apply(await response.json());
  }

  login(email: string, password: string) {
    return this.signIn("/api/auth/login", { email, password, device: deviceLabel });
  }

  register(email: string, password: string, displayName: string, locale: string, referralCode?: string) {
    // The install id goes with a signup too: the referral fraud rules compare it (as a keyed hash).
    return this.signIn("/api/auth/register", { email, password, displayName, locale, device: deviceLabel, deviceId: deviceId(), referralCode });
  }

  /** A guest keeps one device id per browser: the same browser gets the same guest (and history) back. */
  guest(displayName: string, locale: string) {
    return this.signIn("/api/auth/guest", { displayName, deviceId: deviceId(), locale, device: deviceLabel });
  }

  /** A guest becomes an email account: same user id, so history and rewards stay (POST /api/me/upgrade). */
  async upgrade(email: string, password: string, referralCode?: string) {
    const token = await this.freshAccessToken();
    const response = await post("/api/me/upgrade", { email, password, device: deviceLabel, deviceId: deviceId(), referralCode }, token ?? undefined);
    if (!response.ok) throw await toError(response);
    this.apply(await response.json());
  }

  async logout() {
    const token = this.access?.token;
    const refreshToken = localStorage.getItem(refreshKey);
    this.clear();
    if (token) await post("/api/auth/logout", { refreshToken }, token).catch(() => undefined);
  }

  /** Replaces the user after a profile change. */
  setUser(user: User) {
    this.state.set({ status: "signedIn", user });
  }
}

function deviceId(): string {
  let id = localStorage.getItem(deviceKey);
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    id = btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");
    localStorage.setItem(deviceKey, id);
  }
  return id;
}

export const session = new Session();
