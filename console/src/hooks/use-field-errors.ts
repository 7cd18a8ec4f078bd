/**
 * Field messages for a form, from the same zod contract the API validates with (before sending)
 * or from the server's `fields` (after), so a mistake is shown next to its field either way.
 */
import { useState } from "react";
import type { z } from "zod";
import { ApiError } from "../api/client.js";

export type FieldErrors = Record<string, string>;

/** Field errors plus a form-level message, and helpers to fill them. */
export function useFieldErrors() {
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  /** Parses `input` with `schema`; on failure fills the field messages and returns undefined. */
  function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | undefined {
    const result = schema.safeParse(input);
    if (result.success) {
      setFields({});
      setFormError(null);
      return result.data;
    }
    const next: FieldErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join(".");
      next[path] ??= issue.message;
    }
    setFields(next);
    return undefined;
  }

  /** Shows a server error: next to its fields when it names them, otherwise above the form. */
  function showError(error: unknown): void {
    if (error instanceof ApiError && error.fields.length > 0) {
      setFields(Object.fromEntries(error.fields.map((field) => [field.path, field.message])));
      setFormError(null);
    } else if (error instanceof Error) {
      setFormError(
        error instanceof ApiError && error.hint ? `${error.message} ${error.hint}` : error.message,
      );
    }
  }

  function clear(): void {
    setFields({});
    setFormError(null);
  }

  return { fields, formError, validate, showError, clear };
}
