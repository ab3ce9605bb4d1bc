import { withFingerprint } from "./fingerprint";
/** An RFC 7807 answer from the api: branch on code, never on title. Status 0 means the network failed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(code);
  }
}

export async function toError(response: Response): Promise<ApiError> {
  try {
    const problem = await response.json();
    return new ApiError(response.status, problem.code ?? "error", problem.errors ?? {});
  } catch {
    return new ApiError(response.status, "error");
  }
}

export async function post(path: string, body: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json", "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, { method: "POST", headers: await withFingerprint(headers), body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, "network");
  }
}
