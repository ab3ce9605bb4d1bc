import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/http";
import { formatDateTime, t } from "../../i18n";
import { Alert } from "../../components/Field";
import { AdminFrame } from "./AdminNav";
import { describe } from "./problems";
import type { WheelView } from "./types";

/** Every wheel: open or not, segments; edit or delete. */
export function WheelListPage() {
  const [wheels, setWheels] = useState<WheelView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const load = () => api<WheelView[]>("GET", "/api/admin/wheels").then(setWheels, (e) => setError(describe(e).message));
  useEffect(() => void load(), []);

  const remove = async (id: string) => {
    setError(null);
    try {
      await api("DELETE", `/api/admin/wheels/${encodeURIComponent(id)}`);
      setConfirming(null);
      await load();
    } catch (e) {
      setError(describe(e).message);
    }
  };

  return (
    <AdminFrame>
      <section>
        <h1>{t("admin.wheels.title")}</h1>
        <Alert message={error} />
        <p><a class="button primary" href="/admin/wheels/new" data-testid="new-wheel">{t("admin.wheels.new")}</a></p>
        {!wheels ? <p role="status">{t("common.loading")}</p> : wheels.length === 0 ? <p>{t("admin.wheels.none")}</p> : (
          <ul class="admin-list" data-testid="wheel-list">
            {wheels.map((w) => (
              <li key={w.id} class="card" data-wheel={w.id}>
                <div class="admin-list-head">
                  <h2>{w.definition.name}</h2>
                  <span class={`admin-status admin-status-${w.odds.open ? "Active" : "Paused"}`}>{t(w.odds.open ? "admin.wheels.open" : "admin.wheels.closed")}</span>
                </div>
                <p class="meta">{t("admin.wheels.meta", { id: w.id, count: w.definition.segments.length, date: formatDateTime(w.updatedAt) })}</p>
                <div class="actions">
                  <a class="button" href={`/admin/wheels/${encodeURIComponent(w.id)}`}>{t("admin.edit")}</a>
                  {confirming === w.id ? (
                    <button type="button" class="danger" data-testid="confirm-delete" onClick={() => void remove(w.id)}>{t("admin.wheels.confirmDelete")}</button>
                  ) : (
                    <button type="button" class="danger" onClick={() => setConfirming(w.id)}>{t("admin.delete")}</button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </AdminFrame>
  );
}
