import { useState } from "preact/hooks";
import type { PublicQuestion } from "../api/types";
import { t } from "../i18n";
import { Shape, shapeName } from "./Shape";

/**
 * The answer controls for one open question. Single choice, true/false and polls answer on one
 * tap; multiple select and ordering collect a choice and submit; type-answer is a text box.
 */
export function AnswerPad({ question, onAnswer, disabled }: {
  question: PublicQuestion;
  onAnswer: (choices: number[] | null, text: string | null) => void;
  disabled: boolean;
}) {
  const [picked, setPicked] = useState<number[]>([]);
  const [order, setOrder] = useState(question.options.map((o) => o.id));
  const [text, setText] = useState("");

  switch (question.type) {
    case "TypeAnswer":
      return (
        <form class="type-answer" onSubmit={(e) => { e.preventDefault(); if (text.trim()) onAnswer(null, text.trim()); }}>
          <label for="typed">{t("play.typeLabel")}</label>
          <input id="typed" autoComplete="off" maxLength={100} value={text} data-testid="typed-answer"
            onInput={(e) => setText((e.target as HTMLInputElement).value)} />
          <button type="submit" class="primary" disabled={disabled || !text.trim()}>{t("play.submit")}</button>
        </form>
      );
    case "Ordering": {
      const move = (from: number, to: number) => {
        const next = order.slice();
        [next[from], next[to]] = [next[to], next[from]];
        setOrder(next);
      };
      const byId = new Map(question.options.map((o) => [o.id, o.text]));
      return (
        <div class="ordering">
          <p class="hint">{t("play.orderHint")}</p>
          <ol>
            {order.map((id, i) => (
              <li key={id} class={`answer-${i % 6}`}>
                <span class="order-text">{byId.get(id)}</span>
                <button type="button" class="icon" disabled={disabled || i === 0} aria-label={t("play.moveUp", { item: byId.get(id) ?? "" })} onClick={() => move(i, i - 1)}>↑</button>
                <button type="button" class="icon" disabled={disabled || i === order.length - 1} aria-label={t("play.moveDown", { item: byId.get(id) ?? "" })} onClick={() => move(i, i + 1)}>↓</button>
              </li>
            ))}
          </ol>
          <button type="button" class="primary" disabled={disabled} data-testid="submit-answer" onClick={() => onAnswer(order, null)}>{t("play.submit")}</button>
        </div>
      );
    }
    case "MultipleSelect":
      return (
        <div>
          <p class="hint">{t("play.multiHint")}</p>
          <div class="answers" role="group" aria-label={t("play.answers")}>
            {question.options.map((o, i) => (
              <button key={o.id} type="button" class={`answer answer-${i % 6}`} aria-pressed={picked.includes(o.id)} disabled={disabled}
                data-testid={`answer-${i}`} data-option={o.id}
                onClick={() => setPicked(picked.includes(o.id) ? picked.filter((p) => p !== o.id) : [...picked, o.id])}>
                <Shape position={i} /><span class="visually-hidden">{shapeName(i)}: </span><span class="answer-text">{o.text}</span>
              </button>
            ))}
          </div>
          <button type="button" class="primary" disabled={disabled || picked.length === 0} data-testid="submit-answer" onClick={() => onAnswer(picked, null)}>{t("play.submit")}</button>
        </div>
      );
    default:
      return (
        <div class="answers" role="group" aria-label={t("play.answers")}>
          {question.options.map((o, i) => (
            <button key={o.id} type="button" class={`answer answer-${i % 6}`} disabled={disabled} data-testid={`answer-${i}`} data-option={o.id}
              onClick={() => onAnswer([o.id], null)}>
              <Shape position={i} /><span class="visually-hidden">{shapeName(i)}: </span>
              <span class="answer-text">{question.type === "TrueFalse" ? trueFalse(o.text) : o.text}</span>
            </button>
          ))}
        </div>
      );
  }
}

/** True/false options are stored as "true" and "false": show them in the player's language. */
export function trueFalse(text: string): string {
  const lower = text.trim().toLowerCase();
  return lower === "true" ? t("play.true") : lower === "false" ? t("play.false") : text;
}
