import type { InputHTMLAttributes } from "preact";
import { useId } from "preact/hooks";

/** A labelled input with its error announced and tied to it (aria-describedby). */
export function Field(props: { label: string; error?: string | null; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const { label, error, hint, ...input } = props;
  const id = useId();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      <input id={id} aria-invalid={error ? "true" : undefined} aria-describedby={described} {...input} />
      {error && <p class="error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

export function Alert({ message }: { message: string | null }) {
  return message ? <p class="alert" role="alert">{message}</p> : null;
}
