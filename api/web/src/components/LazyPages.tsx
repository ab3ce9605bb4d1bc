import type { ComponentChildren, FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { errorText, t } from "../i18n";

/**
 * A group of pages in a chunk of its own, loaded the first time one of them is opened: the main
 * bundle stays under its size budget (vite.config.ts) and users download only what they open.
 * Once loaded, moving between the group's pages renders at once, without a loading flash.
 */
export function lazyPages<Pages>(load: () => Promise<Pages>): FunctionComponent<{ render: (pages: Pages) => ComponentChildren }> {
  let loading: Promise<Pages> | null = null;
  let loaded: Pages | null = null;
  return function LazyPage({ render }) {
    const [pages, setPages] = useState<Pages | null>(loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      (loading ??= load().then((p) => (loaded = p))).then(setPages, () => {
        loading = null;
        setFailed(true);
      });
    }, []);
    if (failed) return <p class="alert" role="alert">{errorText("network")}</p>;
    if (!pages) return <p class="loading" role="status">{t("common.loading")}</p>;
    return <>{render(pages)}</>;
  };
}
