import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../../api/http";
import { navigate } from "../../router";
import { t, useLocale } from "../../i18n";
import { Alert } from "../../components/Field";
import { wheelErrorText } from "./text";
import type { WheelOdds } from "./types";
import "./wheel.css";

/** Route /wheel: the wheels open now (GET /api/wheels); a single one opens at once. */
export function WheelListPage() {
  useLocale();
  const [wheels, setWheels] = useState<WheelOdds[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<WheelOdds[]>("GET", "/api/wheels").then((list) => {
      if (list.length === 1) navigate(`/wheel/${encodeURIComponent(list[0].wheelId)}`, true);
      else setWheels(list);
    }, (e) => setError(wheelErrorText(e instanceof ApiError ? e.code : undefined)));
  }, []);

  return (
    <section class="wheel-page">
      <h1>{t("wheel.list.title")}</h1>
      <Alert message={error} />
      {!wheels ? !error && <p role="status">{t("common.loading")}</p> : wheels.length === 0 ? <p>{t("wheel.list.none")}</p> : (
        <ul class="wheel-list" data-testid="wheel-list">
          {wheels.map((w) => (
            <li key={w.wheelId} class="card">
              <a href={`/wheel/${encodeURIComponent(w.wheelId)}`}>{w.name}</a>
              <p class="hint">{t("wheel.list.rules", { segments: w.segments.length, free: w.freeSpinsPerDay, cost: w.costPerSpin })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
