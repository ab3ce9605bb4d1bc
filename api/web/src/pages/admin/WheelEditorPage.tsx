import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/http";
import { navigate, routeStore } from "../../router";
import { localeStore, t, type MessageKey } from "../../i18n";
import { Field } from "../../components/Field";
import { EditorForm, EditorLoading, useProblems } from "./EditorForm";
import { blankSegment, blankWheel, clean, odds } from "./wheelModel";
import { fromLocalInput, optionalNumber, toLocalInput } from "./campaignModel";
import { prizeKinds, type PrizeKind, type WheelDefinition, type WheelSegment, type WheelView } from "./types";

const percent = (p: number) => new Intl.NumberFormat(localeStore.get(), { style: "percent", maximumFractionDigits: 2 }).format(p);

/** Create or edit a wheel: settings and segments (label, prize, weight, stock), with each segment's odds. */
export function WheelEditorPage({ wheelId }: { wheelId?: string }) {
  const [wheel, setWheel] = useState<WheelDefinition | null>(wheelId ? null : blankWheel());
  const [newId, setNewId] = useState("");
  const [remaining, setRemaining] = useState<Record<string, number | null>>({});
  const problems = useProblems();
  const { err, fields } = problems;
  // A new wheel's editor reopens on its own address after the first save, with "?created=1".
  const [saved, setSaved] = useState(() => routeStore.get().query.has("created"));

  const show = (v: WheelView) => {
    setWheel(v.definition);
    setRemaining(Object.fromEntries(v.odds.segments.map((s) => [s.segmentId, s.remaining])));
  };

  useEffect(() => {
    if (wheelId) api<WheelView>("GET", `/api/admin/wheels/${encodeURIComponent(wheelId)}`).then(show, problems.fail);
  }, [wheelId]);

  if (!wheel) return <EditorLoading error={problems.error} />;

  const w = wheel;
  const set = (change: Partial<WheelDefinition>) => setWheel({ ...w, ...change });
  const setSegment = (i: number, s: WheelSegment) => set({ segments: w.segments.map((x, j) => (j === i ? s : x)) });
  const chances = odds(w.segments);

  const save = async (e: Event) => {
    e.preventDefault();
    problems.clear();
    setSaved(false);
    try {
      const body = clean(w);
      const view = wheelId
        ? await api<WheelView>("PUT", `/api/admin/wheels/${encodeURIComponent(wheelId)}`, body)
        : await api<WheelView>("POST", "/api/admin/wheels", { id: newId.trim(), ...body });
      show(view);
      setSaved(true);
      if (!wheelId) navigate(`/admin/wheels/${encodeURIComponent(view.id)}?created=1`, true);
    } catch (problem) {
      problems.fail(problem);
    }
  };

  const body = (
    <>
      {!wheelId && (
        <Field label={t("admin.wheel.id")} hint={t("admin.rule.id")} value={newId} required maxLength={40} data-testid="wheel-id" error={err("id")}
          onInput={(e) => setNewId((e.target as HTMLInputElement).value)} />
      )}
      <Field label={t("admin.wheel.name")} value={w.name} required maxLength={80} data-testid="wheel-name" error={err("name")}
        onInput={(e) => set({ name: (e.target as HTMLInputElement).value })} />
      <div class="admin-grid">
        <Field label={t("admin.wheel.cost")} type="number" min={1} value={w.costPerSpin} error={err("costPerSpin")}
          onInput={(e) => set({ costPerSpin: Number((e.target as HTMLInputElement).value) })} />
        <Field label={t("admin.wheel.free")} type="number" min={0} value={w.freeSpinsPerDay} error={err("freeSpinsPerDay")}
          onInput={(e) => set({ freeSpinsPerDay: Number((e.target as HTMLInputElement).value) })} />
        <Field label={t("admin.wheel.cap")} type="number" min={1} value={w.dailyCap} error={err("dailyCap")}
          onInput={(e) => set({ dailyCap: Number((e.target as HTMLInputElement).value) })} />
      </div>
      <div class="admin-grid">
        <Field label={t("admin.wheel.from")} type="datetime-local" value={toLocalInput(w.activeFrom)} error={err("activeFrom")}
          onInput={(e) => set({ activeFrom: fromLocalInput((e.target as HTMLInputElement).value) })} />
        <Field label={t("admin.wheel.until")} type="datetime-local" value={toLocalInput(w.activeUntil)} error={err("activeUntil")}
          onInput={(e) => set({ activeUntil: fromLocalInput((e.target as HTMLInputElement).value) })} />
      </div>
      <label class="admin-check">
        <input type="checkbox" checked={w.active} data-testid="wheel-active" onChange={(e) => set({ active: (e.target as HTMLInputElement).checked })} />
        {t("admin.wheel.active")}
      </label>
      <fieldset class="card">
        <legend>{t("admin.wheel.segments")}</legend>
        <p class="hint">{t("admin.wheel.segmentsHint")}</p>
        {err("segments") && <p class="error">{fields.segments}</p>}
        <ol class="admin-segments">
          {w.segments.map((s, i) => segmentEditor(s, i, chances[i], remaining[s.id], (ns) => setSegment(i, ns),
            w.segments.length > 2 ? () => set({ segments: w.segments.filter((_, j) => j !== i) }) : null, err))}
        </ol>
        <button type="button" data-testid="add-segment" disabled={w.segments.length >= 24}
          onClick={() => set({ segments: [...w.segments, blankSegment(w.segments.length)] })}>{t("admin.wheel.addSegment")}</button>
      </fieldset>
    </>
  );
  return (
    <EditorForm back={{ href: "/admin/wheels", label: t("admin.nav.wheels") }}
      title={wheelId ? t("admin.wheel.editTitle") : t("admin.wheel.newTitle")}
      problems={problems} saved={saved} onSubmit={save} saveTestId="save-wheel">
      {body}
    </EditorForm>
  );
}

/** One segment's inputs; a plain function so the form knows which errors it placed. */
function segmentEditor(s: WheelSegment, i: number, chance: number, left: number | null | undefined, onChange: (s: WheelSegment) => void,
  onRemove: (() => void) | null, err: (path: string) => string | null) {
  const at = `segments[${i}]`;
  const id = `seg${i}`;
  const prizeError = err(`${at}.prize`) ?? err(`${at}.prize.amount`) ?? err(`${at}.prize.kind`);
  const poolError = err(`${at}.prize.poolId`);
  const setPrize = (change: Partial<WheelSegment["prize"]>) => onChange({ ...s, prize: { ...s.prize, ...change } });
  return (
    <li class="admin-segment" key={i} data-testid={`segment-${i}`}>
      <fieldset>
        <legend>{t("admin.wheel.segment", { n: i + 1 })}</legend>
        {err(at) && <p class="error">{err(at)}</p>}
        <div class="admin-grid">
          <Field label={t("admin.wheel.segmentId")} value={s.id} maxLength={40} error={err(`${at}.id`)} data-testid={`segment-${i}-id`}
            onInput={(e) => onChange({ ...s, id: (e.target as HTMLInputElement).value })} />
          <Field label={t("admin.wheel.label")} value={s.label} maxLength={40} error={err(`${at}.label`)} data-testid={`segment-${i}-label`}
            onInput={(e) => onChange({ ...s, label: (e.target as HTMLInputElement).value })} />
          <Field label={t("admin.wheel.colour")} type="color" value={s.colour} error={err(`${at}.colour`)}
            onInput={(e) => onChange({ ...s, colour: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="admin-grid">
          <div class="field">
            <label for={`${id}-kind`}>{t("admin.wheel.prize")}</label>
            <select id={`${id}-kind`} value={s.prize.kind} data-testid={`segment-${i}-kind`}
              onChange={(e) => setPrize({ kind: (e.target as HTMLSelectElement).value as PrizeKind })}>
              {prizeKinds.map((k) => <option key={k} value={k}>{t(`admin.prize.${k}` as MessageKey)}</option>)}
            </select>
          </div>
          {(s.prize.kind === "Points" || s.prize.kind === "Spins") && (
            <Field label={t("admin.wheel.amount")} type="number" min={1} value={s.prize.amount} error={prizeError} data-testid={`segment-${i}-amount`}
              onInput={(e) => setPrize({ amount: Number((e.target as HTMLInputElement).value) })} />
          )}
          {s.prize.kind === "Code" && (
            <Field label={t("admin.wheel.pool")} value={s.prize.poolId ?? ""} error={poolError ?? prizeError} data-testid={`segment-${i}-pool`}
              onInput={(e) => setPrize({ poolId: (e.target as HTMLInputElement).value })} />
          )}
          {s.prize.kind === "Nothing" && prizeError && <p class="error">{prizeError}</p>}
          <Field label={t("admin.wheel.weight")} type="number" min={1} value={s.weight} error={err(`${at}.weight`)} data-testid={`segment-${i}-weight`}
            onInput={(e) => onChange({ ...s, weight: Number((e.target as HTMLInputElement).value) })} />
          <Field label={t("admin.wheel.stock")} hint={t("admin.wheel.stockHint")} type="number" min={0} value={s.stock ?? ""} error={err(`${at}.stock`)}
            data-testid={`segment-${i}-stock`} onInput={(e) => onChange({ ...s, stock: optionalNumber((e.target as HTMLInputElement).value) })} />
        </div>
        <label class="admin-check">
          <input type="checkbox" checked={s.bigWin} onChange={(e) => onChange({ ...s, bigWin: (e.target as HTMLInputElement).checked })} />
          {t("admin.wheel.bigWin")}
        </label>
        <p class="admin-odds" data-testid={`segment-${i}-odds`}>
          {t("admin.wheel.chance", { chance: percent(chance) })}
          {left !== undefined && ` · ${left === null ? t("admin.wheel.unlimited") : t("admin.wheel.remaining", { count: left })}`}
        </p>
        {onRemove && <button type="button" class="danger" onClick={onRemove}>{t("admin.wheel.removeSegment", { n: i + 1 })}</button>}
      </fieldset>
    </li>
  );
}
