import { appendFileSync, existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sharedDataPath } from "../../test-support/shared-data.js";
import { describe, expect, it } from "vitest";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { buildSchool } from "../../test-support/builders.js";
import { ingestLogFile, type IngestOptions } from "./ingest-log-file.js";

const sample = sharedDataPath("logs", "squid-native-sample.log");
const line = (second: number, url: string) =>
  `${1157689312 + second}.049   5006 10.105.21.199 TCP_MISS/200 19763 GET ${url} badeyek DIRECT/175.16.199.115 text/html\n`;

forEachDialect("vigil ingest of a log file", (database) => {
  const folder = mkdtempSync(join(tmpdir(), "vigil-ingest-"));
  const countEvents = async (schoolId: string) =>
    Number(
      (
        await database()
          .db.selectFrom("events")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("school_id", "=", schoolId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const ingest = (schoolId: string, path: string, extra: Partial<IngestOptions> = {}) =>
    ingestLogFile({ database: database(), schoolId, source: "squid", format: "squid", path, ...extra });

  describe.skipIf(!existsSync(sample))("the public Squid sample", () => {
    it("stores each line's event once, and a second run stores none", async () => {
      const { schoolId } = await buildSchool(database());
      const first = await ingest(schoolId, sample);
      const lines = readFileSync(sample, "utf8").trimEnd().split("\n").length;
      expect(first.lines).toBe(lines);
      expect(first.malformed).toBe(0);
      expect(first.stored + first.skipped).toBe(lines);
      expect(await countEvents(schoolId)).toBe(first.stored);
      const second = await ingest(schoolId, sample);
      expect(second).toMatchObject({ lines: 0, stored: 0, resumedFrom: readFileSync(sample).length });
      expect(await countEvents(schoolId)).toBe(first.stored);
    });
  });
  if (!existsSync(sample)) it.skip(`skipped: ${sample} is absent (public test data)`, () => undefined);

  it("counts a truncated or garbage line as malformed, with its line number", async () => {
    const { schoolId } = await buildSchool(database());
    const path = join(folder, "garbage.log");
    writeFileSync(
      path,
      `${line(0, "http://a.example/")}1157689313.049   5006 10.1\n\u0000\u0001garbage\n${line(2, "http://b.example/")}`,
    );
    const report = await ingest(schoolId, path);
    expect(report).toMatchObject({ lines: 4, stored: 2, malformed: 2 });
    expect(report.malformedSamples.map((sample) => sample.line)).toEqual([2, 3]);
    expect(report.malformedSamples[0]?.reason).toMatch(/fields/);
  });

  it("counts lines across batches read ahead, keeping the first malformed lines with their numbers", async () => {
    const { schoolId } = await buildSchool(database());
    const path = join(folder, "many-batches.log");
    // Line 3n+2 of each three is garbage: 12 of 36 lines, in batches of five.
    const lines = Array.from({ length: 36 }, (_, i) =>
      i % 3 === 1 ? "garbage\n" : line(i, `http://site${i}.example/`),
    );
    writeFileSync(path, lines.join(""));
    const report = await ingest(schoolId, path, { batchLines: 5 });
    expect(report).toMatchObject({ lines: 36, stored: 24, malformed: 12, bytes: readFileSync(path).length });
    expect(report.malformedSamples.map((sample) => sample.line)).toEqual([
      2, 5, 8, 11, 14, 17, 20, 23, 26, 29,
    ]);
    const checkpoint = await database()
      .db.selectFrom("ingest_checkpoints")
      .select(["byte_offset", "line_number"])
      .where("school_id", "=", schoolId)
      .executeTakeFirstOrThrow();
    expect(checkpoint).toEqual({ byte_offset: readFileSync(path).length, line_number: 36 });
  });

  it("resumes after the last stored line when lines are appended", async () => {
    const { schoolId } = await buildSchool(database());
    const path = join(folder, "growing.log");
    writeFileSync(path, line(0, "http://a.example/") + line(1, "http://b.example/"));
    expect((await ingest(schoolId, path)).stored).toBe(2);
    appendFileSync(path, line(2, "http://c.example/"));
    const again = await ingest(schoolId, path);
    expect(again).toMatchObject({ lines: 1, stored: 1, duplicates: 0 });
    const urls = await database()
      .db.selectFrom("events")
      .select("url")
      .where("school_id", "=", schoolId)
      .orderBy("time")
      .execute();
    expect(urls.map((row) => row.url)).toEqual([
      "http://a.example/",
      "http://b.example/",
      "http://c.example/",
    ]);
  });

  it("starts a rotated file from its beginning", async () => {
    const { schoolId } = await buildSchool(database());
    const path = join(folder, "rotating.log");
    writeFileSync(path, line(0, "http://a.example/"));
    await ingest(schoolId, path);
    renameSync(path, `${path}.1`);
    writeFileSync(path, line(5, "http://new.example/") + line(6, "http://new2.example/"));
    expect(await ingest(schoolId, path)).toMatchObject({ resumedFrom: 0, stored: 2 });
    expect(await countEvents(schoolId)).toBe(3);
  });

  it("stores each batch already scanned, with its alerts, and a re-read line raises none again", async () => {
    const { schoolId } = await buildSchool(database());
    const path = join(folder, "concerning.log");
    writeFileSync(
      path,
      line(0, "https://www.google.co.uk/search?q=how+to+buy+weed") + line(1, "http://a.example/"),
    );
    const countAlerts = async () =>
      (await database().db.selectFrom("alerts").select("id").where("school_id", "=", schoolId).execute())
        .length;
    expect(await ingest(schoolId, path)).toMatchObject({ stored: 2, alertsCreated: 1 });
    expect(await countAlerts()).toBe(1);
    const waiting = await database()
      .db.selectFrom("events")
      .select("id")
      .where("school_id", "=", schoolId)
      .where("processed_at", "is", null)
      .execute();
    expect(waiting).toEqual([]); // nothing left for the pipeline
    // Without its checkpoint the file is read again: every line is a duplicate, and no alert repeats.
    await database().db.deleteFrom("ingest_checkpoints").where("school_id", "=", schoolId).execute();
    expect(await ingest(schoolId, path)).toMatchObject({ stored: 0, duplicates: 2, alertsCreated: 0 });
    expect(await countAlerts()).toBe(1);
    const alert = await database()
      .db.selectFrom("alerts")
      .select("count")
      .where("school_id", "=", schoolId)
      .executeTakeFirstOrThrow();
    expect(alert.count).toBe(1);
  });

  it("follows appended lines and a rotation until stopped", async () => {
    const { schoolId } = await buildSchool(database());
    const path = join(folder, "followed.log");
    writeFileSync(path, line(0, "http://a.example/"));
    const controller = new AbortController();
    const running = ingest(schoolId, path, { follow: true, pollMs: 20, signal: controller.signal });
    const waitFor = async (count: number) => {
      for (let i = 0; i < 200 && (await countEvents(schoolId)) < count; i++)
        await new Promise((r) => setTimeout(r, 25));
    };
    await waitFor(1);
    appendFileSync(path, line(1, "http://b.example/"));
    await waitFor(2);
    renameSync(path, `${path}.1`);
    writeFileSync(path, line(2, "http://c.example/"));
    await waitFor(3);
    controller.abort();
    const report = await running;
    expect(report).toMatchObject({ stored: 3, rotations: 1 });
  });
});
