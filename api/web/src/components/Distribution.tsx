import type { PublicQuestion } from "../api/types";
import type { Reveal } from "../live/room";
import { formatNumber, t } from "../i18n";
import { Shape } from "./Shape";

/** Answers per option after a question closed (or fully/partly/wrong for ordering and type-answer). */
export function Distribution({ question, reveal }: { question: PublicQuestion; reveal: Reveal }) {
  const graded = question.type === "Ordering" || question.type === "TypeAnswer";
  const bars = graded
    ? [t("chart.correct"), t("chart.partly"), t("chart.wrong")].map((label, i) => ({ key: i, label, count: reveal.distribution[i] ?? 0, correct: i === 0, position: i }))
    : question.options.map((o, i) => ({ key: o.id, label: o.text, count: reveal.distribution[o.id] ?? 0, correct: reveal.answer.correctOptionIds.includes(o.id), position: i }));
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <figure class="chart" data-testid="distribution">
      <figcaption>{t("chart.title", { none: reveal.noAnswer })}</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.key} class={`bar-row answer-${b.position % 6}`} data-count={b.count}>
            {!graded && <Shape position={b.position} />}
            <span class="bar-label">
              {b.label}
              {b.correct && question.type !== "Poll" && <span class="tick"> ✓ <span class="visually-hidden">{t("chart.isCorrect")}</span></span>}
            </span>
            <span class="bar-track"><span class="bar" style={{ width: `${(b.count / max) * 100}%` }} /></span>
            <span class="bar-count">{formatNumber(b.count)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
