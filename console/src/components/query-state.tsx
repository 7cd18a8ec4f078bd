/** Loading and error states for a query, the same on every page. */
import { Alert, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { ApiError, ConnectionError } from "../api/client.js";

/** Renders `children(data)` once loaded; a spinner before, the server's message on failure. */
export function QueryState<T>(props: {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  label: string;
  children: (data: T) => ReactNode;
}) {
  const { data, error, isPending } = props.query;
  if (data !== undefined) return props.children(data);
  if (error) {
    const message =
      error instanceof ApiError || error instanceof ConnectionError ? error.message : "Something went wrong.";
    const hint = error instanceof ApiError ? error.hint : undefined;
    return (
      <Alert color="red" title={`Could not load ${props.label}`} role="alert">
        {message} {hint}
      </Alert>
    );
  }
  return isPending ? <Loader aria-label={`Loading ${props.label}`} /> : null;
}
