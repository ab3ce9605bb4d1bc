import { useEffect } from "preact/hooks";
import { roomClient, forgetRoom, type RoomView } from "../live/room";
import { useStore } from "../store";
import { errorText, formatNumber, t } from "../i18n";
import { ConnectionBadge } from "../components/ConnectionBadge";
import { Countdown } from "../components/Countdown";
import { AnswerPad, trueFalse } from "../components/AnswerPad";
import { Leaderboard, Podium } from "../components/Leaderboard";
import { Shape } from "../components/Shape";
import type { PublicQuestion } from "../api/types";

/** A player's game: lobby, questions, results and podium, kept in step with the room by the hub. */
export function PlayPage({ roomId }: { roomId: string }) {
  const client = roomClient(roomId);
  const view = useStore(client.view);
  useEffect(() => {
    // A reload, a shared link or a reconnect lands here without the join's snapshot: ask for one.
    if (!view.synced) void client.resync().catch(() => undefined);
  }, [roomId]);

  if (view.error) {
    return (
      <section class="card play">
        <h1>{view.kicked ? t("play.kickedTitle") : t("play.errorTitle")}</h1>
        <p role="alert" data-testid="play-error">{errorText(view.error)}</p>
        <p><a href="/" onClick={() => forgetRoom(roomId)}>{t("play.backHome")}</a></p>
      </section>
    );
  }
  if (!view.synced) return <section class="play"><ConnectionBadge /><p role="status">{t("common.loading")}</p></section>;

  return (
    <section class={`play phase-${view.phase.toLowerCase()}`} data-testid="play" data-phase={view.phase}>
      <div class="play-bar">
        <span class="quiz-title">{view.quizTitle}</span>
        {view.me && <span class="me-line"><span data-testid="my-nickname">{view.me.nickname}</span> · <span data-testid="my-score">{formatNumber(view.me.score)}</span></span>}
        <ConnectionBadge />
      </div>
      {view.phase === "Lobby" && <Lobby view={view} />}
      {view.phase === "Question" && view.question && <QuestionScreen view={view} question={view.question} />}
      {view.phase === "Results" && <Results view={view} />}
      {view.phase === "Ended" && <Ended view={view} />}
    </section>
  );
}

function Lobby({ view }: { view: RoomView }) {
  return (
    <div class="lobby card">
      <h1>{t("play.inTitle")}</h1>
      <p class="lead">{t("play.waiting")}</p>
      <p data-testid="player-count">{t("play.players", { count: view.playerCount })}</p>
      {view.locked && <p class="hint">{t("play.locked")}</p>}
    </div>
  );
}

function QuestionScreen({ view, question }: { view: RoomView; question: PublicQuestion }) {
  const client = roomClient(view.roomId);
  const mine = view.myAnswer?.index === question.index ? view.myAnswer : null;
  return (
    <div class="question">
      <p class="counter">{t("play.questionOf", { n: question.index + 1, count: question.count })}</p>
      {view.deadline && <Countdown deadline={view.deadline} total={question.timeLimitSeconds} />}
      <h1 class="question-text" data-testid="question-text">{question.text}</h1>
      {question.imageUrl && <img class="question-image" src={question.imageUrl} alt="" referrerPolicy="no-referrer" />}
      {mine ? (
        <div class={`feedback feedback-${mine.status}`} role="status" data-testid="answer-status" data-status={mine.status}>
          {mine.choices?.length === 1 && <ChosenShape question={question} id={mine.choices[0]} />}
          <p>{t(`play.answer.${mine.status}`)}</p>
        </div>
      ) : (
        <AnswerPad key={question.index} question={question} disabled={false}
          onAnswer={(choices, text) => void client.answer(choices, text).catch(() => undefined)} />
      )}
    </div>
  );
}

function ChosenShape({ question, id }: { question: PublicQuestion; id: number }) {
  const position = question.options.findIndex((o) => o.id === id);
  if (position < 0) return null;
  const option = question.options[position];
  return (
    <p class={`chosen answer answer-${position % 6}`}>
      <Shape position={position} /> <span>{question.type === "TrueFalse" ? trueFalse(option.text) : option.text}</span>
    </p>
  );
}

function Results({ view }: { view: RoomView }) {
  const result = view.reveal?.me;
  const question = view.question;
  const correctTexts = question && view.reveal
    ? question.type === "TypeAnswer" ? view.reveal.answer.acceptedAnswers
      : view.reveal.answer.correctOptionIds.map((id) => question.options.find((o) => o.id === id)?.text ?? "").map((x) => question.type === "TrueFalse" ? trueFalse(x) : x)
    : [];
  const verdict = !view.reveal ? null : question?.type === "Poll" ? "poll" : !result?.answered ? "none" : result.correct ? "correct" : "wrong";
  return (
    <div class="results">
      {verdict && (
        <div class={`verdict verdict-${verdict}`} role="status" data-testid="verdict" data-verdict={verdict}>
          <h1>{t(`play.verdict.${verdict}`)}</h1>
          {result && verdict !== "poll" && <p class="points" data-testid="points">{t("play.plusPoints", { points: result.points })}</p>}
          {result && result.streak > 1 && <p>{t("play.streak", { streak: result.streak })}</p>}
        </div>
      )}
      {correctTexts.length > 0 && question?.type !== "Poll" && (
        <p class="correct-answer">{question?.type === "Ordering" ? t("play.correctOrder") : t("play.correctAnswer")} <strong>{correctTexts.join(question?.type === "Ordering" ? " → " : ", ")}</strong></p>
      )}
      {view.me && (
        <p class="standing" data-testid="standing">
          {t("play.standing", { rank: view.me.rank, score: view.me.score })}
        </p>
      )}
      <Leaderboard entries={view.leaderboard} me={view.me?.userId} />
      <p class="hint">{view.reveal?.isLast ? t("play.waitEnd") : t("play.waitNext")}</p>
    </div>
  );
}

function Ended({ view }: { view: RoomView }) {
  const final = view.final;
  return (
    <div class="ended">
      <Podium entries={view.podium} />
      {final && (
        <p class="final" data-testid="final" data-rank={final.rank} data-score={final.score}>
          {t("play.final", { rank: final.rank, score: final.score })}
        </p>
      )}
      <p><a class="button" href="/" onClick={() => forgetRoom(view.roomId)}>{t("play.again")}</a></p>
    </div>
  );
}
