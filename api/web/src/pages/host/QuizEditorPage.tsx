import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../../api/http";
import type { PointsMode, QuestionDefinition, QuestionType, QuizDefinition, QuizView } from "../../api/types";
import { navigate } from "../../router";
import { errorText, t, type MessageKey } from "../../i18n";
import { Alert, Field } from "../../components/Field";
import { Shape } from "../../components/Shape";
import { blankQuestion, blankQuiz, clean, limits, parseQuiz, questionTypes, shape } from "./quizModel";

/** "questions[2].options[1]" → "Question 3 · options": server field paths in the host's language. */
function fieldLabel(path: string): string {
  const m = /^questions\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!m) return t(`editor.field.${path}` as MessageKey);
  return t("editor.questionField", { n: Number(m[1]) + 1, field: m[2] ? t(`editor.field.${m[2]}` as MessageKey) : "" });
}

/** Create or edit a quiz with forms, or edit its JSON directly (the import/export format). */
export function QuizEditorPage({ quizId }: { quizId?: string }) {
  const [quiz, setQuiz] = useState<QuizDefinition | null>(quizId ? null : blankQuiz());
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<string[]>([]);
  const [json, setJson] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (quizId) api<QuizView>("GET", `/api/quizzes/${quizId}`).then((v) => setQuiz(v.definition), (e) => setError(errorText(e instanceof ApiError ? e.code : "")));
  }, [quizId]);

  if (!quiz) return <section><Alert message={error} />{!error && <p role="status">{t("common.loading")}</p>}</section>;

  const setQuestion = (i: number, q: QuestionDefinition) => setQuiz({ ...quiz, questions: quiz.questions.map((x, j) => (j === i ? q : x)) });
  const moveQuestion = (i: number, to: number) => {
    const questions = quiz.questions.slice();
    [questions[i], questions[to]] = [questions[to], questions[i]];
    setQuiz({ ...quiz, questions });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setFields([]);
    setSaved(false);
    let body = quiz;
    if (json !== null) {
      try {
        body = parseQuiz(json);
      } catch {
        setError(t("host.importInvalid"));
        return;
      }
    }
    try {
      const view = await api<QuizView>(quizId ? "PUT" : "POST", quizId ? `/api/quizzes/${quizId}` : "/api/quizzes", clean(body));
      setQuiz(view.definition);
      setJson(null);
      setSaved(true);
      if (!quizId) navigate(`/host/quizzes/${view.id}`, true);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setError(t("editor.invalid"));
        setFields(Object.keys(err.fields));
      } else setError(errorText(err instanceof ApiError ? err.code : ""));
    }
  };

  return (
    <section class="editor">
      <p><a href="/host">← {t("host.title")}</a></p>
      <h1>{quizId ? t("editor.editTitle") : t("editor.newTitle")}</h1>
      <form onSubmit={save} noValidate>
        <Alert message={error} />
        {fields.length > 0 && <ul class="field-errors" data-testid="field-errors">{fields.map((f) => <li key={f}>{fieldLabel(f)}</li>)}</ul>}
        {saved && <p class="ok" role="status" data-testid="saved">{t("editor.saved")}</p>}
        <div class="mode-switch">
          <button type="button" aria-pressed={json === null} onClick={() => { if (json !== null) { try { setQuiz(parseQuiz(json)); setJson(null); } catch { setError(t("host.importInvalid")); } } }}>{t("editor.formMode")}</button>
          <button type="button" aria-pressed={json !== null} onClick={() => setJson(JSON.stringify(clean(quiz), null, 2))}>{t("editor.jsonMode")}</button>
        </div>
        {json !== null ? (
          <div class="field">
            <label for="quiz-json">{t("editor.json")}</label>
            <textarea id="quiz-json" rows={20} class="code" value={json} onInput={(e) => setJson((e.target as HTMLTextAreaElement).value)} />
          </div>
        ) : (
          <>
            <Field label={t("editor.quizTitle")} required maxLength={120} value={quiz.title} data-testid="quiz-title"
              onInput={(e) => setQuiz({ ...quiz, title: (e.target as HTMLInputElement).value })} />
            <Field label={t("editor.description")} maxLength={500} value={quiz.description ?? ""}
              onInput={(e) => setQuiz({ ...quiz, description: (e.target as HTMLInputElement).value })} />
            <ol class="questions">
              {quiz.questions.map((q, i) => (
                <QuestionEditor key={i} index={i} question={q} count={quiz.questions.length}
                  onChange={(nq) => setQuestion(i, nq)}
                  onMove={(to) => moveQuestion(i, to)}
                  onRemove={() => setQuiz({ ...quiz, questions: quiz.questions.filter((_, j) => j !== i) })} />
              ))}
            </ol>
            <button type="button" disabled={quiz.questions.length >= limits.questions} data-testid="add-question"
              onClick={() => setQuiz({ ...quiz, questions: [...quiz.questions, blankQuestion()] })}>{t("editor.addQuestion")}</button>
          </>
        )}
        <div class="actions sticky">
          <button type="submit" class="primary" data-testid="save-quiz">{t("editor.save")}</button>
        </div>
      </form>
    </section>
  );
}

function QuestionEditor({ index, question: q, count, onChange, onMove, onRemove }: {
  index: number;
  question: QuestionDefinition;
  count: number;
  onChange: (q: QuestionDefinition) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const prefix = `q${index}`;
  const hasOptions = q.type !== "TypeAnswer";
  const fixedOptions = q.type === "TrueFalse";
  const hasCorrect = q.type === "SingleChoice" || q.type === "MultipleSelect" || q.type === "TrueFalse";
  const setOption = (i: number, text: string) => onChange({ ...q, options: q.options.map((o, j) => (j === i ? text : o)) });
  const toggleCorrect = (i: number) => onChange({
    ...q,
    correctOptions: q.type === "MultipleSelect"
      ? q.correctOptions.includes(i) ? q.correctOptions.filter((c) => c !== i) : [...q.correctOptions, i].sort()
      : [i],
  });
  const removeOption = (i: number) => onChange({
    ...q,
    options: q.options.filter((_, j) => j !== i),
    correctOptions: q.correctOptions.filter((c) => c !== i).map((c) => (c > i ? c - 1 : c)),
  });
  return (
    <li class="card question-editor" data-testid={`question-${index}`}>
      <fieldset>
        <legend>{t("editor.question", { n: index + 1 })}</legend>
        <div class="row">
          <div class="field">
            <label for={`${prefix}-type`}>{t("editor.type")}</label>
            <select id={`${prefix}-type`} value={q.type} data-testid="question-type"
              onChange={(e) => onChange(shape({ ...q, type: (e.target as HTMLSelectElement).value as QuestionType }))}>
              {questionTypes.map((type) => <option key={type} value={type}>{t(`type.${type}` as MessageKey)}</option>)}
            </select>
          </div>
          <div class="field">
            <label for={`${prefix}-time`}>{t("editor.time")}</label>
            <input id={`${prefix}-time`} type="number" min={limits.time[0]} max={limits.time[1]} value={q.timeLimitSeconds}
              onInput={(e) => onChange({ ...q, timeLimitSeconds: Number((e.target as HTMLInputElement).value) })} />
          </div>
          <div class="field">
            <label for={`${prefix}-points`}>{t("editor.points")}</label>
            <select id={`${prefix}-points`} value={q.points} onChange={(e) => onChange({ ...q, points: (e.target as HTMLSelectElement).value as PointsMode })}>
              {(["Standard", "Double", "None"] as const).map((p) => <option key={p} value={p}>{t(`points.${p}`)}</option>)}
            </select>
          </div>
        </div>
        <div class="field">
          <label for={`${prefix}-text`}>{t("editor.text")}</label>
          <textarea id={`${prefix}-text`} rows={2} maxLength={300} value={q.text} data-testid="question-text-input"
            onInput={(e) => onChange({ ...q, text: (e.target as HTMLTextAreaElement).value })} />
        </div>
        {hasOptions && (
          <fieldset class="options">
            <legend>{q.type === "Ordering" ? t("editor.orderItems") : t("editor.options")}</legend>
            {q.options.map((o, i) => (
              <div class={`option-row answer-${i % 6}`} key={i}>
                <Shape position={i} />
                <label class="visually-hidden" for={`${prefix}-o${i}`}>{t("editor.option", { n: i + 1 })}</label>
                <input id={`${prefix}-o${i}`} value={fixedOptions ? t(i === 0 ? "play.true" : "play.false") : o} readOnly={fixedOptions} maxLength={120}
                  data-testid={`option-${i}`} onInput={(e) => setOption(i, (e.target as HTMLInputElement).value)} />
                {hasCorrect && (
                  <label class="correct">
                    <input type={q.type === "MultipleSelect" ? "checkbox" : "radio"} name={`${prefix}-correct`} checked={q.correctOptions.includes(i)}
                      data-testid={`correct-${i}`} onChange={() => toggleCorrect(i)} />
                    {t("editor.correct")}
                  </label>
                )}
                {!fixedOptions && q.options.length > limits.options[0] && (
                  <button type="button" class="icon" aria-label={t("editor.removeOption", { n: i + 1 })} onClick={() => removeOption(i)}>×</button>
                )}
              </div>
            ))}
            {!fixedOptions && q.options.length < limits.options[1] && (
              <button type="button" onClick={() => onChange({ ...q, options: [...q.options, ""] })}>{t("editor.addOption")}</button>
            )}
          </fieldset>
        )}
        {q.type === "TypeAnswer" && (
          <div class="field">
            <label for={`${prefix}-accepted`}>{t("editor.accepted")}</label>
            <p class="hint" id={`${prefix}-accepted-hint`}>{t("editor.acceptedHint")}</p>
            <textarea id={`${prefix}-accepted`} rows={3} aria-describedby={`${prefix}-accepted-hint`} value={q.acceptedAnswers.join("\n")}
              onInput={(e) => onChange({ ...q, acceptedAnswers: (e.target as HTMLTextAreaElement).value.split("\n") })} />
          </div>
        )}
        <Field label={t("editor.image")} type="url" value={q.imageUrl ?? ""} maxLength={2048}
          onInput={(e) => onChange({ ...q, imageUrl: (e.target as HTMLInputElement).value || null })} />
        <div class="actions">
          <button type="button" disabled={index === 0} onClick={() => onMove(index - 1)}>{t("editor.moveUp")}</button>
          <button type="button" disabled={index === count - 1} onClick={() => onMove(index + 1)}>{t("editor.moveDown")}</button>
          <button type="button" class="danger" disabled={count === 1} onClick={onRemove}>{t("editor.remove")}</button>
        </div>
      </fieldset>
    </li>
  );
}
