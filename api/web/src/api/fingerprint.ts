/**
 * A device fingerprint for the referral fraud rules (header X-Client-Fingerprint, see
 * docs/referrals.md): SHA-256 of stable properties of this device and browser. It is computed,
 * never stored, and the server keeps only a keyed hash of it. Two people rarely share all of
 * these; one person on one device always does, across accounts.
 */
let cached: Promise<string> | null = null;

export function deviceFingerprint(): Promise<string> {
  cached ??= compute();
  return cached;
}

async function compute(): Promise<string> {
  const nav = navigator as Navigator & { deviceMemory?: number };
  const parts = [
    nav.userAgent,
    (nav.languages ?? []).join(","),
    nav.platform,
    String(nav.hardwareConcurrency ?? ""),
    String(nav.deviceMemory ?? ""),
    String(nav.maxTouchPoints ?? ""),
    `${screen.width}x${screen.height}x${screen.colorDepth}`,
    Intl.DateTimeFormat().resolvedOptions().timeZone,
  ].join("|");
  try {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(parts));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  } catch {
    // No WebCrypto (an insecure origin): send nothing rather than something weak.
    return "";
  }
}

/** Adds the header when a fingerprint is available. */
export async function withFingerprint(headers: Record<string, string>): Promise<Record<string, string>> {
  const fingerprint = await deviceFingerprint();
  if (fingerprint) headers["X-Client-Fingerprint"] = fingerprint;
  return headers;
}
