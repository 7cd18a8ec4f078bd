import { randomUUID } from "node:crypto";
import { basename } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { createDetector } from "../detection/index.js";
import { readLibraryFolder } from "../library/read-library-folder.js";
import { shippedUrlLookup } from "../library/shipped-url-lookup.js";
import { writeLibraryFolder, type TestEntry } from "../library/test-support/library-folder-builders.js";
import { buildSchool } from "../test-support/builders.js";
import { replayWhatIf } from "./what-if-replay.js";

const killMyself = { id: "kill-myself", phrase: "kill myself" };
const hurtMyself = { id: "hurt-myself", phrase: "hurt myself" };
const cutMyself = { id: "cut-myself", phrase: "cut myself" };

function loaded(entries: readonly TestEntry[]) {
  const result = readLibraryFolder(writeLibraryFolder("self-harm", entries));
  expect(result.issues).toEqual([]);
  return result.library;
}

forEachDialect("the what-if replay of a new library version", (database) => {
  let schoolId: string;
  const today = loaded([killMyself, hurtMyself]);

  beforeAll(async () => {
    ({ schoolId } = await buildSchool(database()));
    const now = Date.now();
    const texts = ["i want to kill myself", "i will hurt myself", "i cut myself again", "lunch was nice"];
    await database()
      .db.insertInto("events")
      .values(
        texts.map((text, index) => ({
          id: randomUUID(),
          school_id: schoolId,
          source: "test",
          sender_id: randomUUID(),
          kind: "typed-text",
          time: new Date(now - (index + 1) * 3_600_000).toISOString(),
          user_name: `pupil.${index}`,
          device: null,
          ip: null,
          url: null,
          host: null,
          text,
          action: null,
          filter_category: null,
          detail: null,
          received_at: new Date(now).toISOString(),
          processed_at: new Date(now).toISOString(),
        })),
      )
      .execute();
  });

  async function replayWith(entries: readonly TestEntry[]) {
    const proposed = loaded(entries);
    const change = {
      kind: "library" as const,
      detector: createDetector(proposed),
      version: proposed.version,
    };
    const progress: number[] = [];
    const result = await replayWhatIf(
      database().db,
      schoolId,
      { change, days: 30 },
      { detector: createDetector(today), lookup: shippedUrlLookup(), onProgress: (n) => progress.push(n) },
    );
    expect(progress.at(-1)).toBe(4);
    return result;
  }

  it("shows a removed rule's alerts disappearing and nothing else changing", async () => {
    const result = await replayWith([hurtMyself]);
    expect(result).toMatchObject({ eventsReplayed: 4, before: 2, after: 1, appear: { count: 0 } });
    expect(result.disappear.count).toBe(1);
    expect(result.disappear.sample).toEqual([
      expect.objectContaining({ user: "pupil.0", ruleIds: ["en.self-harm.kill-myself"] }),
    ]);
  });

  it("shows an added rule's matches appearing", async () => {
    const result = await replayWith([killMyself, hurtMyself, cutMyself]);
    expect(result).toMatchObject({ before: 2, after: 3, disappear: { count: 0 } });
    expect(result.appear.sample).toEqual([
      expect.objectContaining({ user: "pupil.2", ruleIds: ["en.self-harm.cut-myself"] }),
    ]);
  });
});

it("refuses a bad library file naming its file and line", () => {
  const folder = writeLibraryFolder("self-harm", [killMyself, { id: "bad", phrase: "kill myself" }]);
  const { issues } = readLibraryFolder(folder);
  expect(issues.map((issue) => issue.code)).toEqual(["conflicting_rule"]);
  // The second entry starts on line 11 of the file the builder writes.
  expect(issues.map((issue) => `${issue.file}:${String(issue.line)}`)).toEqual([
    `${basename(folder)}/phrases/en/self-harm.yaml:11`,
  ]);
});
