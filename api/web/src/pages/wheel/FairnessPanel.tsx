import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../../api/http";
import { Alert, Field } from "../../components/Field";
import { formatDateTime, t } from "../../i18n";
import { canRecompute, recompute } from "./fairness";
import { wheelErrorText } from "./text";
import type { FairnessView, SeedRotation, SpinHistoryPage, SpinResult, VerifyResponse } from "./types";

const pageSize = 10;
const clientSeedRule = /^[A-Za-z0-9_-]{1,64}$/;

type Check = "matches" | "differs" | "unavailable";

interface Verification {
  server: Check;
  browser: Check;
  detail: string;
}

/** Verifies a past spin twice: the anonymous server verifier, and this browser's own HMAC (docs/wheel.md). */
async function verify(spin: SpinResult): Promise<Verification> {
  const seed = spin.serverSeed!;
  const body = { serverSeed: seed, clientSeed: spin.clientSeed, nonce: spin.nonce, weights: spin.weights };
  const server = await api<VerifyResponse>("POST", "/api/wheel/verify", body);
  const serverOk = server.serverSeedHash === spin.serverSeedHash && server.roll === spin.roll && server.segmentIndex === spin.segmentIndex;
  let browser: Check = "unavailable";
  if (canRecompute()) {
    const mine = await recompute(seed, spin.clientSeed, spin.nonce, spin.weights);
    browser = mine.serverSeedHash === spin.serverSeedHash && mine.roll === spin.roll && mine.segmentIndex === spin.segmentIndex ? "matches" : "differs";
  }
  return { server: serverOk ? "matches" : "differs", browser, detail: t("wheel.verify.detail", { roll: server.roll, index: server.segmentIndex + 1 }) };
}

function CheckLine({ testId, label, check }: { testId: string; label: string; check: Check }) {
  return (
    <p class={`check check-${check}`} data-testid={testId} data-check={check}>
      <span aria-hidden="true">{check === "matches" ? "✓ " : check === "differs" ? "✗ " : "– "}</span>
      {label}: {t(`wheel.verify.${check}`)}
    </p>
  );
}

function SpinItem({ spin }: { spin: SpinResult }) {
  const [verification, setVerification] = useState<Verification | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setVerification(await verify(spin));
    } catch (e) {
      setError(wheelErrorText(e instanceof ApiError ? e.code : undefined));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="spin card" data-testid={`spin-${spin.spinId}`} data-spin-id={spin.spinId}>
      <p class="spin-head">
        <strong>{spin.status === "completed" ? spin.label : t("wheel.history.refunded")}</strong>
        <span class="hint"> · {formatDateTime(spin.at)} · {spin.freeSpin ? t("wheel.history.free") : t("wheel.history.cost", { cost: spin.cost })}</span>
      </p>
      <dl class="fair-data">
        <dt>{t("wheel.fair.nonce")}</dt><dd>{spin.nonce}</dd>
        <dt>{t("wheel.fair.clientSeed")}</dt><dd><code>{spin.clientSeed}</code></dd>
        <dt>{t("wheel.fair.hash")}</dt><dd><code>{spin.serverSeedHash}</code></dd>
        <dt>{t("wheel.fair.serverSeed")}</dt><dd>{spin.serverSeed ? <code>{spin.serverSeed}</code> : t("wheel.fair.hidden")}</dd>
        <dt>{t("wheel.fair.roll")}</dt><dd><code>{spin.roll}</code></dd>
        <dt>{t("wheel.fair.weights")}</dt><dd>{spin.weights.join(" · ")}</dd>
      </dl>
      {spin.serverSeed ? (
        <button type="button" onClick={() => void run()} disabled={busy} data-testid={`verify-${spin.spinId}`} aria-label={t("wheel.verify.buttonFor", { label: spin.label ?? "", nonce: spin.nonce })}>
          {t("wheel.verify.button")}
        </button>
      ) : <p class="hint">{t("wheel.verify.needsRotation")}</p>}
      <Alert message={error} />
      {verification && (
        <div role="status" data-testid={`verification-${spin.spinId}`}>
          <CheckLine testId={`verify-server-${spin.spinId}`} label={t("wheel.verify.server")} check={verification.server} />
          <CheckLine testId={`verify-browser-${spin.spinId}`} label={t("wheel.verify.browser")} check={verification.browser} />
          <p class="hint">{verification.detail}</p>
        </div>
      )}
    </li>
  );
}

/**
 * Provably fair: the current seed hash, the client seed (editable), the next nonce, seed rotation
 * (which reveals the previous seed), and the spin history with a verify action per spin.
 */
export function FairnessPanel({ fairness, version, onChanged }: { fairness: FairnessView; version: number; onChanged: () => void }) {
  const [clientSeed, setClientSeed] = useState(fairness.clientSeed);
  const [seedError, setSeedError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [rotation, setRotation] = useState<SeedRotation | null>(null);
  const [history, setHistory] = useState<SpinHistoryPage | null>(null);
  const [take, setTake] = useState(pageSize);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setClientSeed(fairness.clientSeed), [fairness.clientSeed]);

  const loadHistory = () =>
    api<SpinHistoryPage>("GET", `/api/me/wheel/spins?skip=0&take=${take}`).then(setHistory, (e) => setError(wheelErrorText(e instanceof ApiError ? e.code : undefined)));

  useEffect(() => void loadHistory(), [version, take]);

  const saveSeed = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    if (!clientSeedRule.test(clientSeed)) {
      setSeedError(t("wheel.fair.clientSeedRule"));
      return;
    }
    setSeedError(null);
    try {
      await api<FairnessView>("PUT", "/api/me/wheel/client-seed", { clientSeed });
      setSaved(true);
      onChanged();
    } catch (e) {
      setSeedError(e instanceof ApiError && e.fields.clientSeed ? t("wheel.fair.clientSeedRule") : wheelErrorText(e instanceof ApiError ? e.code : undefined));
    }
  };

  const rotate = async () => {
    setError(null);
    try {
      setRotation(await api<SeedRotation>("POST", "/api/me/wheel/seed/rotate"));
      onChanged();
      await loadHistory();
    } catch (e) {
      setError(wheelErrorText(e instanceof ApiError ? e.code : undefined));
    }
  };

  return (
    <section class="fairness" aria-labelledby="fairness-title" data-testid="fairness">
      <h2 id="fairness-title">{t("wheel.fair.title")}</h2>
      <p class="hint">{t("wheel.fair.intro")}</p>
      <dl class="fair-data card">
        <dt>{t("wheel.fair.hash")}</dt><dd><code data-testid="fair-hash">{fairness.serverSeedHash}</code></dd>
        <dt>{t("wheel.fair.nextNonce")}</dt><dd data-testid="fair-nonce">{fairness.nextNonce}</dd>
      </dl>
      <form class="card" onSubmit={(e) => void saveSeed(e)} noValidate>
        <Field
          label={t("wheel.fair.clientSeed")}
          hint={t("wheel.fair.clientSeedHint")}
          name="clientSeed"
          value={clientSeed}
          maxLength={64}
          autoComplete="off"
          spellcheck={false}
          error={seedError}
          data-testid="client-seed"
          onInput={(e) => {
            setClientSeed((e.target as HTMLInputElement).value);
            setSaved(false);
          }}
        />
        <div class="actions">
          <button type="submit" data-testid="client-seed-save">{t("wheel.fair.save")}</button>
          {saved && <span class="ok" role="status">{t("wheel.fair.saved")}</span>}
        </div>
      </form>
      <div class="card">
        <p>{t("wheel.fair.rotateHint")}</p>
        <button type="button" data-testid="rotate-seed" onClick={() => void rotate()}>{t("wheel.fair.rotate")}</button>
        {rotation && (
          <div role="status" data-testid="revealed">
          <dl class="fair-data">
            <dt>{t("wheel.fair.revealedSeed")}</dt><dd><code data-testid="revealed-seed">{rotation.revealedServerSeed}</code></dd>
            <dt>{t("wheel.fair.revealedHash")}</dt><dd><code>{rotation.revealedServerSeedHash}</code></dd>
            <dt>{t("wheel.fair.spinsWithSeed")}</dt><dd data-testid="revealed-count">{rotation.spinsWithSeed}</dd>
          </dl>
          </div>
        )}
      </div>
      <Alert message={error} />
      <h2>{t("wheel.history.title")}</h2>
      {!history ? <p role="status">{t("common.loading")}</p> : history.spins.length === 0 ? <p>{t("wheel.history.empty")}</p> : (
        <>
          <ul class="spins" data-testid="spin-history">
            {history.spins.map((s) => <SpinItem key={`${s.spinId}:${s.serverSeed ?? ""}`} spin={s} />)}
          </ul>
          {history.total > history.spins.length && (
            <button type="button" onClick={() => setTake(Math.min(100, take + pageSize))}>{t("wheel.history.more")}</button>
          )}
        </>
      )}
    </section>
  );
}
