/**
 * The browser's own recomputation of a spin, exactly as docs/wheel.md writes it:
 * hash = hex(SHA-256(seed)); mac = HMAC-SHA256(key = seed, message = "clientSeed:nonce");
 * roll = first 8 bytes big-endian; target = floor(roll × W / 2^64); the first index whose
 * running weight sum exceeds target. Uses WebCrypto (secure contexts only) and BigInt.
 */
export interface Recomputed {
  serverSeedHash: string;
  roll: string;
  segmentIndex: number;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

export function canRecompute(): boolean {
  return typeof crypto !== "undefined" && !!crypto.subtle;
}

export async function recompute(serverSeed: string, clientSeed: string, nonce: number, weights: number[]): Promise<Recomputed> {
  const utf8 = new TextEncoder();
  const seed = utf8.encode(serverSeed);
  const serverSeedHash = hex(new Uint8Array(await crypto.subtle.digest("SHA-256", seed)));
  const key = await crypto.subtle.importKey("raw", seed, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, utf8.encode(`${clientSeed}:${nonce}`)));
  let roll = 0n;
  for (let i = 0; i < 8; i++) roll = (roll << 8n) | BigInt(mac[i]);
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  const target = (roll * total) >> 64n;
  let running = 0n;
  let segmentIndex = -1;
  for (let i = 0; i < weights.length; i++) {
    running += BigInt(weights[i]);
    if (running > target) {
      segmentIndex = i;
      break;
    }
  }
  return { serverSeedHash, roll: roll.toString(16).padStart(16, "0"), segmentIndex };
}
