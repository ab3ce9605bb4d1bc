import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { errorText, t } from "../../i18n";

type Pages = typeof import("./pages");

let loading: Promise<Pages> | null = null;
let loaded: Pages | null = null;

/**
 * Renders an admin page once the admin chunk has loaded: players never download the console
 * (the main bundle stays under its size budget, vite.config.ts).
 */
export function AdminPage({ render }: { render: (pages: Pages) => ComponentChildren }) {
  // Once loaded, moving between admin pages renders at once, without a loading flash.
  const [pages, setPages] = useState<Pages | null>(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (loaded) return;
    (loading ??= import("./pages").then((p) => (loaded = p))).then(setPages, () => {
      loading = null;
      setFailed(true);
    });
  }, []);
  if (failed) return <p class="alert" role="alert">{errorText("network")}</p>;
  if (!pages) return <p class="loading" role="status">{t("common.loading")}</p>;
  return <>{render(pages)}</>;
}
