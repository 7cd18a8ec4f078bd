/**
 * A lost connection or a server failure, remembered outside any page so the shell can say so
 * above the page without unmounting it (what the person typed stays in its fields).
 */
import { useSyncExternalStore } from "react";
import { ApiError, ConnectionError } from "../api/client.js";

export type ServerProblem = { kind: "connection" | "server"; message: string; requestId?: string } | null;

let current: ServerProblem = null;
const listeners = new Set<() => void>();

function publish(next: ServerProblem): void {
  current = next;
  for (const listener of listeners) listener();
}

/** Records `error` when it is a connection failure or a 5xx; clears the banner on success. */
export function noteServerOutcome(error: unknown): void {
  if (error instanceof ConnectionError) publish({ kind: "connection", message: error.message });
  else if (error instanceof ApiError && error.status >= 500) {
    publish({
      kind: "server",
      message: `${error.message}${error.hint ? ` ${error.hint}` : ""}`,
      ...(error.requestId ? { requestId: error.requestId } : {}),
    });
  } else if (error === null && current !== null) publish(null);
}

/** The current problem, or null. */
export function useServerProblem(): ServerProblem {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
