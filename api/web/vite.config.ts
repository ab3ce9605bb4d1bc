import { defineConfig, type Plugin } from "vite";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";

/**
 * Emits sw.js from src/sw/sw.js with the list of built files to precache and a version derived
 * from them, so a new build replaces the old cache and nothing is fetched from elsewhere.
 */
function serviceWorker(): Plugin {
  return {
    name: "referral-service-worker",
    apply: "build",
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => !f.endsWith(".map"))
        .map((f) => "/" + f);
      const shell = ["/", "/offline.html", "/offline.css", "/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon-512.png", ...files];
      const version = createHash("sha256").update(shell.join("\n")).digest("hex").slice(0, 12);
      const source = readFileSync(new URL("./src/sw/sw.js", import.meta.url), "utf8")
        .replace("__PRECACHE__", JSON.stringify(shell))
        .replace("__VERSION__", JSON.stringify(version));
      this.emitFile({ type: "asset", fileName: "sw.js", source });
    },
  };
}

export default defineConfig({
  // The api serves the build from its wwwroot; hashed file names let it cache /assets/* forever.
  build: {
    outDir: "../wwwroot",
    emptyOutDir: true,
    target: "es2022",
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 200,
  },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  plugins: [serviceWorker()],
  server: {
    proxy: {
      "/api": "http://localhost:5080",
      "/hubs": { target: "http://localhost:5080", ws: true },
    },
  },
});
