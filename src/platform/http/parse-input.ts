/** Validates request input against its contract, naming every wrong field in the 400 answer. */
import type { z } from "zod";
import { validationError } from "../errors/app-error.js";

/** The parsed value, or a `validation_failed` error naming the fields (`what` opens the message). */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what = "The request",
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error.issues, what);
  return parsed.data;
}
