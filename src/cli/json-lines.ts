/**
 * The JSON-lines loop behind `scan --jsonl` and `categorise --jsonl`: one answer per input line,
 * in order, with back-pressure; a line that is not valid gets `{"id", "error"}` in its place.
 */
import { createInterface } from "node:readline";
import type { z } from "zod";

/** Reads standard input to the end, answering each line with `decide(valid request)`. */
export async function answerJsonLines<Schema extends z.ZodType>(
  command: string,
  schema: Schema,
  decide: (request: z.infer<Schema>) => object,
): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  let invalid = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    const answer = answerLine(schema, decide, line, lineNumber);
    if ("error" in answer) invalid += 1;
    if (!process.stdout.write(`${JSON.stringify(answer)}\n`)) {
      await new Promise((resolve) => process.stdout.once("drain", resolve));
    }
  }
  if (invalid > 0) {
    process.stderr.write(
      `vigil ${command}: ${invalid} of ${lineNumber} lines were not valid (see their "error").\n`,
    );
  }
}

function answerLine<Schema extends z.ZodType>(
  schema: Schema,
  decide: (request: z.infer<Schema>) => object,
  line: string,
  lineNumber: number,
): object {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { id: null, error: `line ${lineNumber} is not valid JSON` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return decide(parsed.data);
  const id = typeof json === "object" && json !== null && "id" in json ? json.id : null;
  const reasons = parsed.error.issues.map((issue) => `${issue.path.join(".") || "line"}: ${issue.message}`);
  return { id, error: `line ${lineNumber}: ${reasons.join("; ")}` };
}
