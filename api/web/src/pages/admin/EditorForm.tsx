import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { t } from "../../i18n";
import { Alert } from "../../components/Field";
import { AdminFrame } from "./AdminNav";
import { describe, ruleText, type FieldErrors } from "./problems";

/** An editor's alert and field errors: `err(path)` places one next to its field; the rest are listed with the alert. */
export interface Problems {
  error: string | null;
  fields: FieldErrors;
  err(path: string): string | null;
  placed: Set<string>;
  /** Before a save: nothing to show. */
  clear(): void;
  /** A failed call: its alert text and field errors. */
  fail(problem: unknown): void;
}

export function useProblems(): Problems {
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  // Rebuilt on every render: the paths the form placed next to a field this time.
  const placed = new Set<string>();
  return {
    error,
    fields,
    placed,
    err(path) {
      if (!fields[path]) return null;
      placed.add(path);
      return fields[path];
    },
    clear() {
      setError(null);
      setFields({});
    },
    fail(problem) {
      const { message, fields: f } = describe(problem);
      setError(message);
      setFields(f);
    },
  };
}

/** While the edited item loads (or failed to). */
export function EditorLoading({ error }: { error: string | null }) {
  return <AdminFrame><Alert message={error} />{!error && <p role="status">{t("common.loading")}</p>}</AdminFrame>;
}

/**
 * The admin editors' page: back link, title, the alert with the field errors the form has no place
 * for, the saved notice, the form's fields and its save button. Render it after the fields (the
 * children), so their `err` calls have marked what they placed.
 */
export function EditorForm(props: {
  back: { href: string; label: string };
  title: string;
  problems: Problems;
  saved: boolean;
  onSubmit: (e: Event) => void;
  saveTestId: string;
  children: ComponentChildren;
}) {
  const { problems } = props;
  const rest = Object.keys(problems.fields).filter((p) => !problems.placed.has(p));
  return (
    <AdminFrame>
      <section class="admin-editor">
        <p><a href={props.back.href}>← {props.back.label}</a></p>
        <h1>{props.title}</h1>
        <form onSubmit={props.onSubmit} noValidate>
          <Alert message={problems.error} />
          {rest.length > 0 && <ul class="field-errors" data-testid="field-errors">{rest.map((p) => <li key={p}>{ruleText(p)}</li>)}</ul>}
          {props.saved && <p class="ok" role="status" data-testid="saved">{t("admin.saved")}</p>}
          {props.children}
          <div class="actions sticky">
            <button type="submit" class="primary" data-testid={props.saveTestId}>{t("admin.save")}</button>
          </div>
        </form>
      </section>
    </AdminFrame>
  );
}
