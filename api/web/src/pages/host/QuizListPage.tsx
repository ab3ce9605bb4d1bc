import { useEffect, useState } from "preact/hooks";
import { api, ApiError, download } from "../../api/http";
import type { QuizSummary, QuizView, RoomOpened } from "../../api/types";
import { navigate } from "../../router";
import { errorText, formatDateTime, t } from "../../i18n";
import { Alert } from "../../components/Field";
import { parseQuiz } from "./quizModel";

/** The host's quizzes: create, import, edit, export, delete, and open a live room. */
export function QuizListPage() {
  const [quizzes, setQuizzes] = useState<QuizSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [importText, setImportText] = useState("");
  const fail = (e: unknown) => setError(errorText(e instanceof ApiError ? e.code : ""));
  const load = () => api<QuizSummary[]>("GET", "/api/quizzes").then(setQuizzes, fail);
  useEffect(() => void load(), []);

  const open = async (quizId: string) => {
    try {
      const room = await api<RoomOpened>("POST", "/api/rooms", { quizId });
      navigate(`/host/rooms/${room.roomId}`);
    } catch (e) {
      fail(e);
    }
  };

  const importQuiz = async (json: string) => {
    setError(null);
    let quiz;
    try {
      quiz = parseQuiz(json);
    } catch {
      setError(t("host.importInvalid"));
      return;
    }
    try {
      const created = await api<QuizView>("POST", "/api/quizzes/import", quiz);
      navigate(`/host/quizzes/${created.id}`);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <section class="host-quizzes">
      <h1>{t("host.title")}</h1>
      <Alert message={error} />
      <p><a class="button primary" href="/host/quizzes/new" data-testid="new-quiz">{t("host.newQuiz")}</a></p>
      {!quizzes ? <p role="status">{t("common.loading")}</p> : quizzes.length === 0 ? <p>{t("host.noQuizzes")}</p> : (
        <ul class="quiz-list" data-testid="quiz-list">
          {quizzes.map((q) => (
            <li key={q.id} class="card" data-quiz={q.id}>
              <h2>{q.title}</h2>
              <p class="meta">{t("host.quizMeta", { count: q.questionCount, date: formatDateTime(q.updatedAt) })}</p>
              <div class="actions">
                <button type="button" class="primary" data-testid="open-room" onClick={() => void open(q.id)}>{t("host.openRoom")}</button>
                <a class="button" href={`/host/quizzes/${q.id}`}>{t("host.edit")}</a>
                <button type="button" onClick={() => void download(`/api/quizzes/${q.id}/export`, `quiz-${q.id}.json`).catch(fail)}>{t("host.export")}</button>
                {confirming === q.id ? (
                  <button type="button" class="danger" onClick={() => void api("DELETE", `/api/quizzes/${q.id}`).then(() => { setConfirming(null); return load(); }, fail)}>
                    {t("host.confirmDelete")}
                  </button>
                ) : (
                  <button type="button" onClick={() => setConfirming(q.id)}>{t("host.delete")}</button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <details class="card import">
        <summary>{t("host.import")}</summary>
        <p class="hint">{t("host.importHint")}</p>
        <label for="import-file">{t("host.importFile")}</label>
        <input id="import-file" type="file" accept="application/json,.json"
          onChange={async (e) => { const file = (e.target as HTMLInputElement).files?.[0]; if (file) await importQuiz(await file.text()); }} />
        <label for="import-text">{t("host.importPaste")}</label>
        <textarea id="import-text" rows={6} value={importText} data-testid="import-text" onInput={(e) => setImportText((e.target as HTMLTextAreaElement).value)} />
        <button type="button" disabled={!importText.trim()} data-testid="import-submit" onClick={() => void importQuiz(importText)}>{t("host.importSubmit")}</button>
      </details>
    </section>
  );
}
