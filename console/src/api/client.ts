/**
 * The console's one HTTP client: the only place that calls `fetch`. It sends the session's CSRF
 * token on every state-changing request, and turns the server's error bodies into `ApiError`
 * (with the field messages forms show next to their fields) and a failed connection into
 * `ConnectionError`, so pages never parse responses themselves.
 */

/** One field-level problem from a validation error, by path (`email`, `admin.password`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An error the server answered with: its stable id, message for people and optional hint. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly hint: string | undefined,
    readonly fields: FieldProblem[],
    readonly requestId: string | undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The server could not be reached at all (network down, server stopped). */
export class ConnectionError extends Error {
  constructor() {
    super("Vigil's server cannot be reached. Check the connection; nothing you typed has been lost.");
    this.name = "ConnectionError";
  }
}

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from sign-in or GET /api/v1/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | undefined | null>;

/** `path?query` with empty values left out. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ConnectionError();
  }
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

/** A POST whose answer is a file (a letter's PDF, a case bundle), returned as a Blob. */
async function requestFile(path: string, body: unknown): Promise<Blob> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers,
      credentials: "same-origin",
      body: JSON.stringify(body),
    });
  } catch {
    throw new ConnectionError();
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
  return response.blob();
}

function toApiError(status: number, parsed: unknown): ApiError {
  const error = (parsed as { error?: Partial<Record<string, unknown>> } | null)?.error;
  if (!error || typeof error.message !== "string") {
    return new ApiError(status, "unexpected", `The server answered ${status}.`, undefined, [], undefined);
  }
  return new ApiError(
    status,
    typeof error.id === "string" ? error.id : "unexpected",
    error.message,
    typeof error.hint === "string" ? error.hint : undefined,
    Array.isArray(error.fields) ? (error.fields as FieldProblem[]) : [],
    typeof error.requestId === "string" ? error.requestId : undefined,
  );
}

/** Typed requests; the area files in this folder (auth.ts, dashboard.ts, ...) name the endpoints. */
export const http = {
  get: <T>(path: string, query?: Query) => request<T>("GET", withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body ?? {}),
  delete: <T>(path: string) => request<T>("DELETE", path),
  postForFile: (path: string, body: unknown) => requestFile(path, body),
};

/** True for errors that mean "sign in again". */
export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
