import { session } from "./session";
import { ApiError, toError } from "./errors";
import { withFingerprint } from "./fingerprint";

export { ApiError } from "./errors";

async function send(method: string, path: string, body: unknown, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, { method, headers: await withFingerprint(headers), body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, "network");
  }
}

/**
 * Calls the api as the signed-in user. A 401 refreshes the session once (single-flight, see
 * session.ts) and retries, as docs/auth.md asks of clients.
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response = await send(method, path, body, await session.freshAccessToken());
  if (response.status === 401 && session.signedIn()) {
    await session.refresh();
    response = await send(method, path, body, await session.freshAccessToken());
  }
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("Content-Type") ?? "";
  return (type.includes("json") ? await response.json() : await response.text()) as T;
}

/** Downloads a file the api serves behind a bearer token (a plain link cannot carry it). */
export async function download(path: string, fileName: string) {
  let response = await send("GET", path, undefined, await session.freshAccessToken());
  if (response.status === 401 && session.signedIn()) {
    await session.refresh();
    response = await send("GET", path, undefined, await session.freshAccessToken());
  }
  if (!response.ok) throw await toError(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
