// Shapes of the api and hub (docs/protocol.md, docs/auth.md). Names follow the server's camelCase JSON.

export interface User {
  id: string;
  displayName: string;
  locale: string;
  email: string | null;
  isGuest: boolean;
  roles: string[];
  createdAt: string;
  referralCode: string | null;
}

export interface AuthResponse {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  sessionId: string;
  user: User;
}

export type QuestionType = "SingleChoice" | "MultipleSelect" | "TrueFalse" | "TypeAnswer" | "Poll" | "Ordering";
export type PointsMode = "Standard" | "Double" | "None";
export type RoomPhase = "Lobby" | "Question" | "Results" | "Ended";

export interface QuestionDefinition {
  type: QuestionType;
  text: string;
  options: string[];
  correctOptions: number[];
  acceptedAnswers: string[];
  timeLimitSeconds: number;
  points: PointsMode;
  imageUrl: string | null;
}

export interface QuizDefinition {
  title: string;
  description: string | null;
  questions: QuestionDefinition[];
}

export interface QuizView {
  id: string;
  ownerId: string;
  definition: QuizDefinition;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface QuizSummary {
  id: string;
  title: string;
  questionCount: number;
  updatedAt: string;
}

export interface RoomOpened {
  roomId: string;
  pin: string;
  joinUrl: string;
  quizTitle: string;
  questionCount: number;
}

export interface RoomLookup {
  roomId: string;
  quizTitle: string;
  questionCount: number;
}

export interface PublicOption {
  id: number;
  text: string;
}

export interface PublicQuestion {
  index: number;
  count: number;
  type: QuestionType;
  text: string;
  options: PublicOption[];
  timeLimitSeconds: number;
  points: PointsMode;
  imageUrl: string | null;
}

export interface PlayerStanding {
  userId: string;
  nickname: string;
  score: number;
  rank: number;
  streak: number;
  answeredCurrent: boolean;
}

export interface RankEntry {
  rank: number;
  userId: string;
  nickname: string;
  score: number;
  correctAnswers: number;
}

export interface RoomSnapshot {
  roomId: string;
  pin: string;
  sequence: number;
  phase: RoomPhase;
  locked: boolean;
  playerCount: number;
  question: PublicQuestion | null;
  deadline: string | null;
  serverTime: string;
  me: PlayerStanding | null;
  isHost: boolean;
  quizTitle: string;
  leaderboard: RankEntry[];
}

export interface AnswerAck {
  questionIndex: number;
  receivedAt: string;
  duplicate: boolean;
}

export interface PlayerResult {
  userId: string;
  answered: boolean;
  correct: boolean;
  points: number;
  total: number;
  rank: number;
  streak: number;
}

export interface RevealedAnswer {
  correctOptionIds: number[];
  acceptedAnswers: string[];
}

export interface QuestionStartedEvent {
  roomId: string;
  sequence: number;
  question: PublicQuestion;
  openedAt: string;
  deadline: string;
}

export interface QuestionClosedEvent {
  roomId: string;
  sequence: number;
  index: number;
  answer: RevealedAnswer;
  distribution: number[];
  noAnswer: number;
  leaderboard: RankEntry[];
  isLast: boolean;
  me?: PlayerResult | null;
  answered?: number;
  players?: number;
}

export interface PlayerCountEvent {
  roomId: string;
  sequence: number;
  playerCount: number;
}

export interface HostActivityEvent {
  roomId: string;
  sequence: number;
  playerCount: number;
  answeredCount: number;
  recentJoins: string[];
}

export interface RoomLockedEvent {
  roomId: string;
  sequence: number;
  locked: boolean;
}

export interface KickedEvent {
  roomId: string;
  sequence: number;
  userId: string;
}

export interface GameEndedEvent {
  roomId: string;
  sequence: number;
  podium: RankEntry[];
  me?: RankEntry | null;
  ranking?: RankEntry[];
}

export interface RoomReport {
  roomId: string;
  quizTitle: string;
  questions: string[];
  rows: unknown[];
  ranking: RankEntry[];
}

export interface WalletEntry {
  id: string;
  at: string;
  currency: string;
  amount: number;
  reason: string;
  sourceRef: string | null;
  idempotencyKey: string;
  reversalOf: string | null;
}

export interface WalletResponse {
  balances: Record<string, number>;
  entries: WalletEntry[];
  total: number;
  skip: number;
  take: number;
}
