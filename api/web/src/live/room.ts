import type {
  AnswerAck, GameEndedEvent, HostActivityEvent, KickedEvent, PlayerCountEvent, PlayerResult, PlayerStanding, PublicQuestion,
  QuestionClosedEvent, QuestionStartedEvent, RankEntry, RevealedAnswer, RoomLockedEvent, RoomPhase, RoomSnapshot,
} from "../api/types";
import { createStore } from "../store";
import { hub, HubError, type RoomListener } from "./hub";

/** What a question's close revealed (absent after a reconnect into the results phase: snapshots do not carry it). */
export interface Reveal {
  index: number;
  answer: RevealedAnswer;
  distribution: number[];
  noAnswer: number;
  isLast: boolean;
  me: PlayerResult | null;
  answered: number | null;
  players: number | null;
}

export interface MyAnswer {
  index: number;
  choices: number[] | null;
  text: string | null;
  status: "sending" | "accepted" | "late" | "refused";
}

export interface RoomView {
  roomId: string;
  synced: boolean;
  pin: string;
  quizTitle: string;
  phase: RoomPhase;
  locked: boolean;
  isHost: boolean;
  playerCount: number;
  question: PublicQuestion | null;
  /** Server Unix ms. */
  deadline: number | null;
  me: PlayerStanding | null;
  leaderboard: RankEntry[];
  myAnswer: MyAnswer | null;
  reveal: Reveal | null;
  podium: RankEntry[];
  final: RankEntry | null;
  ranking: RankEntry[] | null;
  answeredCount: number;
  recentJoins: string[];
  kicked: boolean;
  /** A code from docs/protocol.md when the room refused this user (room_not_found, not_in_room, kicked…). */
  error: string | null;
}

function emptyView(roomId: string): RoomView {
  return {
    roomId, synced: false, pin: "", quizTitle: "", phase: "Lobby", locked: false, isHost: false, playerCount: 0,
    question: null, deadline: null, me: null, leaderboard: [], myAnswer: null, reveal: null, podium: [], final: null,
    ranking: null, answeredCount: 0, recentJoins: [], kicked: false, error: null,
  };
}

/**
 * One room as this tab sees it. Applies the snapshot, then events whose sequence is higher than
 * the last applied (docs/protocol.md). Events that arrive while a snapshot is being fetched are
 * held and replayed on top of it, so nothing between the subscription and the snapshot is lost.
 */
export class RoomClient implements RoomListener {
  readonly view;
  private sequence = -1;
  private pending: { name: string; payload: { roomId: string; sequence: number } }[] | null = null;
  private syncing: Promise<void> | null = null;
  private joining = false;

  constructor(readonly roomId: string) {
    this.view = createStore<RoomView>(emptyView(roomId));
    hub.attach(roomId, this);
  }

  dispose() {
    hub.detach(this.roomId, this);
  }

  /** Joins by PIN on this client's connection (the caller learns the room id from the PIN lookup first). */
  async join(pin: string, nickname: string) {
    this.pending = [];
    this.joining = true;
    try {
      this.applySnapshot(await hub.invoke<RoomSnapshot>("JoinRoom", pin, nickname));
    } finally {
      this.joining = false;
      this.flushPending();
    }
  }

  resync(): Promise<void> {
    // The connection coming up for a join must not ask to resume a seat the join is still taking.
    if (this.joining) return Promise.resolve();
    this.syncing ??= this.fetchSnapshot().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async fetchSnapshot() {
    this.pending ??= [];
    try {
      this.applySnapshot(await hub.invoke<RoomSnapshot>("Resume", this.roomId));
    } catch (error) {
      const code = error instanceof HubError ? error.code : "connection";
      if (code !== "connection") this.view.update((v) => ({ ...v, error: code, kicked: v.kicked || code === "kicked" }));
      throw error;
    } finally {
      this.flushPending();
    }
  }

  private flushPending() {
    const held = this.pending ?? [];
    this.pending = null;
    for (const e of held.sort((a, b) => a.payload.sequence - b.payload.sequence)) this.onEvent(e.name, e.payload);
  }

  applySnapshot(s: RoomSnapshot) {
    this.sequence = s.sequence;
    this.view.update((v) => {
      const sameQuestion = v.question?.index === s.question?.index;
      const answered = s.me?.answeredCurrent ?? false;
      const myAnswer = sameQuestion && v.myAnswer && s.question && v.myAnswer.index === s.question.index ? v.myAnswer
        : answered && s.question ? { index: s.question.index, choices: null, text: null, status: "accepted" as const } : null;
      return {
        ...v,
        synced: true,
        error: null,
        pin: s.pin,
        quizTitle: s.quizTitle,
        phase: s.phase,
        locked: s.locked,
        isHost: s.isHost,
        playerCount: s.playerCount,
        question: s.question,
        deadline: s.deadline ? Date.parse(s.deadline) : null,
        me: s.me,
        leaderboard: s.phase === "Ended" ? v.leaderboard : s.leaderboard,
        myAnswer: s.phase === "Question" ? myAnswer : v.myAnswer,
        reveal: s.phase === "Results" && v.reveal?.index === s.question?.index ? v.reveal : null,
        podium: s.phase === "Ended" ? s.leaderboard : [],
        final: s.phase === "Ended" && s.me ? { rank: s.me.rank, userId: s.me.userId, nickname: s.me.nickname, score: s.me.score, correctAnswers: v.final?.correctAnswers ?? 0 } : v.final,
      };
    });
  }

  onEvent(name: string, payload: { roomId: string; sequence: number }) {
    if (this.pending) {
      this.pending.push({ name, payload });
      return;
    }
    if (payload.sequence <= this.sequence) return;
    this.sequence = payload.sequence;
    switch (name) {
      case "questionStarted": {
        const e = payload as QuestionStartedEvent;
        this.view.update((v) => ({
          ...v, phase: "Question", question: e.question, deadline: Date.parse(e.deadline), myAnswer: null, reveal: null, answeredCount: 0,
          me: v.me ? { ...v.me, answeredCurrent: false } : v.me,
        }));
        break;
      }
      case "questionClosed": {
        const e = payload as QuestionClosedEvent;
        if (this.view.get().question?.index !== e.index) {
          // We never saw this question open: a phase change was missed.
          void this.resync().catch(() => undefined);
        }
        this.view.update((v) => ({
          ...v,
          phase: "Results",
          deadline: null,
          leaderboard: e.leaderboard,
          reveal: {
            index: e.index, answer: e.answer, distribution: e.distribution, noAnswer: e.noAnswer, isLast: e.isLast,
            me: e.me ?? null, answered: e.answered ?? null, players: e.players ?? null,
          },
          me: v.me && e.me ? { ...v.me, score: e.me.total, rank: e.me.rank, streak: e.me.streak } : v.me,
          answeredCount: e.answered ?? v.answeredCount,
        }));
        break;
      }
      case "playerCount":
        this.view.update((v) => ({ ...v, playerCount: (payload as PlayerCountEvent).playerCount }));
        break;
      case "hostActivity": {
        const e = payload as HostActivityEvent;
        this.view.update((v) => ({
          ...v, playerCount: e.playerCount, answeredCount: e.answeredCount,
          recentJoins: [...e.recentJoins.slice().reverse(), ...v.recentJoins].slice(0, 30),
        }));
        break;
      }
      case "roomLocked":
        this.view.update((v) => ({ ...v, locked: (payload as RoomLockedEvent).locked }));
        break;
      case "kicked":
        this.view.update((v) => ({ ...v, kicked: true, error: "kicked" }));
        this.dispose();
        break;
      case "playerKicked": {
        const e = payload as KickedEvent;
        this.view.update((v) => ({ ...v, ranking: v.ranking?.filter((r) => r.userId !== e.userId) ?? null }));
        break;
      }
      case "gameEnded": {
        const e = payload as GameEndedEvent;
        this.view.update((v) => ({
          ...v, phase: "Ended", deadline: null, podium: e.podium, final: e.me ?? v.final, ranking: e.ranking ?? v.ranking,
          me: v.me && e.me ? { ...v.me, score: e.me.score, rank: e.me.rank } : v.me,
        }));
        break;
      }
    }
  }

  /** Sends an answer once; the room is the judge (a late one comes back as too_late). */
  async answer(choices: number[] | null, text: string | null) {
    const question = this.view.get().question;
    if (!question) return;
    const index = question.index;
    this.view.update((v) => ({ ...v, myAnswer: { index, choices, text, status: "sending" } }));
    try {
      await hub.invoke<AnswerAck>("Answer", this.roomId, index, choices, text);
      this.setAnswerStatus(index, "accepted");
    } catch (error) {
      const code = error instanceof HubError ? error.code : "connection";
      if (code === "too_late") this.setAnswerStatus(index, "late");
      else if (code === "invalid_answer" || code === "connection") this.view.update((v) => ({ ...v, myAnswer: null }));
      else {
        this.setAnswerStatus(index, "refused");
        if (code === "wrong_question") void this.resync().catch(() => undefined);
      }
      throw error;
    }
  }

  private setAnswerStatus(index: number, status: MyAnswer["status"]) {
    this.view.update((v) => (v.myAnswer?.index === index ? { ...v, myAnswer: { ...v.myAnswer, status } } : v));
  }

  /** Host controls: each returns the room's new snapshot. */
  async control(method: "StartGame" | "CloseQuestion" | "NextQuestion" | "EndGame") {
    this.pending ??= [];
    try {
      const snapshot = await hub.invoke<RoomSnapshot>(method, this.roomId);
      if (snapshot.sequence > this.sequence) this.applySnapshot(snapshot);
    } finally {
      this.flushPending();
    }
  }

  kick(userId: string) {
    return hub.invoke<void>("KickPlayer", this.roomId, userId);
  }

  lock(locked: boolean) {
    return hub.invoke<void>("LockRoom", this.roomId, locked);
  }

  async leave() {
    await hub.invoke<void>("LeaveRoom", this.roomId).catch(() => undefined);
    this.dispose();
  }
}

/** Room clients by id, so a page mounted after the join finds the client (and its events) the join created. */
const clients = new Map<string, RoomClient>();

export function roomClient(roomId: string): RoomClient {
  let client = clients.get(roomId);
  if (!client) {
    client = new RoomClient(roomId);
    clients.set(roomId, client);
  }
  return client;
}

export function forgetRoom(roomId: string) {
  clients.get(roomId)?.dispose();
  clients.delete(roomId);
}

export function forgetAllRooms() {
  for (const client of clients.values()) client.dispose();
  clients.clear();
}
