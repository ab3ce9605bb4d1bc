import { createStore } from "./store";

/** The current location, as the router sees it. */
export interface Location {
  path: string;
  query: URLSearchParams;
}

function read(): Location {
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}

export const routeStore = createStore<Location>(read());

export function navigate(to: string, replace = false) {
  if (replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  routeStore.set(read());
  window.scrollTo(0, 0);
}

window.addEventListener("popstate", () => routeStore.set(read()));

/** Links inside the app change the route without a page load. */
document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.("a");
  if (!anchor || anchor.target || anchor.hasAttribute("download") || anchor.origin !== location.origin) return;
  const href = anchor.getAttribute("href") ?? "";
  if (href.startsWith("#")) return;
  // The server owns these paths: let the browser load them.
  if (/^\/(api|hubs|health|openapi|r)(\/|$)/.test(anchor.pathname)) return;
  event.preventDefault();
  navigate(href);
});

/** Matches "/play/:roomId" style patterns; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(":")) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}
