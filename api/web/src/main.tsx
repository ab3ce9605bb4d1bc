import { render } from "preact";
import { App } from "./app";
import { session } from "./api/session";
import "./styles.css";

void session.restore();
render(<App />, document.getElementById("app")!);

// The service worker caches the app shell and serves the offline page; not in the dev server.
if ("serviceWorker" in navigator && import.meta.env.PROD) {
  window.addEventListener("load", () => void navigator.serviceWorker.register("/sw.js").catch(() => undefined));
}
