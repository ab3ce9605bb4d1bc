import { useEffect } from "preact/hooks";
import "./toast.css";
import { createStore, useStore } from "../store";
import { t } from "../i18n";

export interface Toast {
  id: number;
  text: string;
  /** Shown as a coloured edge; the text itself always says what happened. */
  tone: "info" | "success";
}

const toasts = createStore<Toast[]>([]);
const lifetimeMs = 8000;
const maxShown = 4;
let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();
let paused = false;

export function dismissToast(id: number) {
  clearTimeout(timers.get(id));
  timers.delete(id);
  toasts.update((list) => list.filter((toast) => toast.id !== id));
}

/** Shows a short message that goes away by itself (or with its button, or Escape). */
export function showToast(text: string, tone: Toast["tone"] = "info"): number {
  const id = nextId++;
  toasts.update((list) => [...list, { id, text, tone }].slice(-maxShown));
  if (!paused) timers.set(id, setTimeout(() => dismissToast(id), lifetimeMs));
  return id;
}

/**
 * While the pointer or focus is on the toasts they stay (time to read them, WCAG 2.2.1); they
 * get their full time again when it leaves.
 */
function pause() {
  paused = true;
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
}

function resume() {
  paused = false;
  for (const { id } of toasts.get()) timers.set(id, setTimeout(() => dismissToast(id), lifetimeMs));
}

/** Test and sign-out hook: forget every toast. */
export function clearToasts() {
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
  paused = false;
  toasts.set([]);
}

/**
 * The toast region. It is always in the page, so screen readers announce what is added to it
 * (a live region created together with its content is often not read). Escape dismisses the
 * newest toast.
 */
export function Toasts() {
  const list = useStore(toasts);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const current = toasts.get();
      if (event.key !== "Escape" || current.length === 0 || event.defaultPrevented) return;
      dismissToast(current[current.length - 1].id);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div class="toasts" role="status" aria-live="polite" data-testid="toasts"
      onMouseEnter={pause} onMouseLeave={resume} onFocusIn={pause}
      onFocusOut={(e) => !(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null) && resume()}>
      {list.map((toast) => (
        <div key={toast.id} class={`toast toast-${toast.tone}`} data-testid="toast">
          <span class="toast-text">{toast.text}</span>
          <button type="button" class="toast-close" aria-label={t("toast.dismiss")} title={t("toast.dismiss")} onClick={() => dismissToast(toast.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
