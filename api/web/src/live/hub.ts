import { HubConnection, HubConnectionBuilder, HubConnectionState, HttpTransportType, LogLevel } from "@microsoft/signalr";
import { session } from "../api/session";
import { createStore } from "../store";

export type ConnectionState = "idle" | "connecting" | "connected" | "reconnecting" | "offline";

/** A refused hub call; code is the stable code of docs/protocol.md ("too_late", "room_not_found", …). */
export class HubError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Server messages are "<code>: <sentence>" behind the client's own prefix (docs/protocol.md, Errors). */
export function hubErrorCode(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const tail = message.includes("HubException: ") ? message.slice(message.lastIndexOf("HubException: ") + 14) : message;
  if (/unauthorized/i.test(tail)) return "unauthorized";
  if (/access token has expired/i.test(tail)) return "token_expired";
  const code = /^([a-z_]+):/.exec(tail);
  return code ? code[1] : "connection";
}

/** Receives the events of one room (the room client registers itself by room id). */
export interface RoomListener {
  onEvent(name: string, payload: { roomId: string; sequence: number }): void;
  resync(): Promise<void>;
}

const roomEvents = ["questionStarted", "questionClosed", "playerCount", "hostActivity", "roomLocked", "kicked", "playerKicked", "gameEnded"];
/** Events not tied to a room (docs/protocol.md): delivered to whoever subscribed with on(). */
const userEvents = ["referralActivity", "leaderboardChanged", "wheelStockChanged", "wheelBigWin"];

/** A page that watches something on the hub (WatchReferrals, WatchWheel): it re-subscribes after every reconnect. */
export interface Watcher {
  resync(): Promise<void>;
}
const retryDelays = [0, 1000, 2000, 4000, 8000];

/**
 * The one hub connection of this tab. It reconnects by itself (SignalR's automatic reconnect, and
 * a fresh connection when that gives up or the server closed it at token expiry), then asks every
 * attached room to resync from a snapshot. Its clock offset turns server deadlines into countdowns.
 */
class GameConnection {
  readonly state = createStore<ConnectionState>("idle");
  private connection: HubConnection | null = null;
  private starting: Promise<void> | null = null;
  private readonly rooms = new Map<string, RoomListener>();
  private readonly watchers = new Set<Watcher>();
  private readonly handlers = new Map<string, Set<(payload: unknown) => void>>();
  private offsetMs = 0;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;

  constructor() {
    window.addEventListener("online", () => {
      if (this.state.get() === "offline") this.restartSoon(0);
    });
  }

  /** Server time now, in Unix ms, as well as this tab can tell. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  attach(roomId: string, listener: RoomListener) {
    this.rooms.set(roomId, listener);
  }

  detach(roomId: string, listener: RoomListener) {
    if (this.rooms.get(roomId) === listener) this.rooms.delete(roomId);
  }

  /** Keeps the connection up while a page watches, and lets it re-subscribe after reconnects. */
  watch(watcher: Watcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** Receives one of the events not tied to a room (referrals, wheels); returns the unsubscribe. */
  on<T>(name: string, handler: (payload: T) => void): () => void {
    const set = this.handlers.get(name) ?? new Set();
    this.handlers.set(name, set);
    const h = handler as (payload: unknown) => void;
    set.add(h);
    return () => set.delete(h);
  }

  async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    await this.ensure();
    try {
      return await this.connection!.invoke<T>(method, ...args);
    } catch (error) {
      throw new HubError(hubErrorCode(error), error instanceof Error ? error.message : String(error));
    }
  }

  /** Starts the connection if it is not up (waits for a start in progress). */
  ensure(): Promise<void> {
    if (this.connection?.state === HubConnectionState.Connected) return Promise.resolve();
    this.starting ??= this.start().finally(() => (this.starting = null));
    return this.starting;
  }

  private build(): HubConnection {
    const connection = new HubConnectionBuilder()
      .withUrl("/hubs/game", {
        accessTokenFactory: async () => (await session.freshAccessToken()) ?? "",
        transport: HttpTransportType.WebSockets,
        skipNegotiation: true,
        withCredentials: false,
      })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => (ctx.previousRetryCount < retryDelays.length ? retryDelays[ctx.previousRetryCount] : null) })
      .configureLogging(LogLevel.None)
      .build();
    for (const name of roomEvents) {
      connection.on(name, (payload: { roomId: string; sequence: number }) => this.rooms.get(payload.roomId)?.onEvent(name, payload));
    }
    for (const name of userEvents) {
      connection.on(name, (payload: unknown) => {
        for (const handler of [...(this.handlers.get(name) ?? [])]) handler(payload);
      });
    }
    connection.onreconnecting(() => this.state.set("reconnecting"));
    connection.onreconnected(() => void this.connected());
    connection.onclose(() => {
      if (this.connection !== connection) return;
      this.connection = null;
      // Automatic reconnect gave up, or the server closed us (token expiry): start afresh, forever, with backoff.
      this.state.set("offline");
      this.restartSoon();
    });
    return connection;
  }

  private async start() {
    clearTimeout(this.restartTimer);
    this.state.set(this.attempts === 0 ? "connecting" : "reconnecting");
    const connection = this.build();
    this.connection = connection;
    try {
      await connection.start();
    } catch (error) {
      if (this.connection === connection) this.connection = null;
      this.state.set("offline");
      this.restartSoon();
      throw new HubError("connection", error instanceof Error ? error.message : String(error));
    }
    await this.connected();
  }

  private restartSoon(delay?: number) {
    if (this.rooms.size === 0 && this.watchers.size === 0 && delay === undefined) return;
    clearTimeout(this.restartTimer);
    const wait = delay ?? Math.min(10_000, 1000 * 2 ** Math.min(this.attempts, 4));
    this.attempts++;
    this.restartTimer = setTimeout(() => void this.ensure().catch(() => undefined), wait);
  }

  private async connected() {
    this.attempts = 0;
    this.state.set("connected");
    await this.syncClock().catch(() => undefined);
    // Not awaited: a room's resync may itself be waiting for this start to finish.
    for (const room of this.rooms.values()) void room.resync().catch(() => undefined);
    for (const watcher of [...this.watchers]) void watcher.resync().catch(() => undefined);
  }

  /** Offset ≈ serverTime − (sent + received) / 2, from the fastest of three round trips. */
  private async syncClock() {
    let best = { rtt: Infinity, offset: 0 };
    for (let i = 0; i < 3; i++) {
      const sent = Date.now();
      const { serverTimeMs } = await this.connection!.invoke<{ serverTimeMs: number }>("ServerTime");
      const received = Date.now();
      if (received - sent < best.rtt) best = { rtt: received - sent, offset: serverTimeMs - (sent + received) / 2 };
    }
    this.offsetMs = best.offset;
  }

  /** Drops the connection (sign-out). */
  async stop() {
    this.rooms.clear();
    this.watchers.clear();
    clearTimeout(this.restartTimer);
    const connection = this.connection;
    this.connection = null;
    this.state.set("idle");
    await connection?.stop();
  }
}

export const hub = new GameConnection();
