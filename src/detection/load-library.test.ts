import { describe, expect, it } from "vitest";
import { buildPhraseFile } from "./library.builder.js";
import { loadLibrary } from "./load-library.js";
import { parseProfiles } from "./profiles.js";
import { runLibraryExamples } from "./run-examples.js";

const file = (text: string) => ({ path: "phrases/en/self-harm.yaml", text });

describe("loadLibrary refusals", () => {
  it("refuses a file with a YAML syntax error, naming its line", () => {
    const { library, issues } = loadLibrary([
      file("language: en\ncategory: self-harm\nentries:\n  - id: [oops\n"),
    ]);
    expect(library.rules).toEqual([]);
    expect(issues[0]).toMatchObject({ code: "yaml_syntax", file: "phrases/en/self-harm.yaml" });
    expect(issues[0]?.line).toBeGreaterThanOrEqual(4);
  });

  it("refuses a whole file when one entry is invalid, naming file, line and field", () => {
    const text = [
      "language: en",
      "category: self-harm",
      "entries:",
      "  - id: ok",
      "    phrase: kms",
      "    weight: 100",
      "    severity: 4",
      "    examples: { match: [kms], clear: [kmh] }",
      "  - id: bad",
      "    phrase: kill me",
      "    weight: 900",
      "    severity: 4",
      "    examples: { match: [kill me], clear: [skill me] }",
    ].join("\n");
    const { library, issues } = loadLibrary([file(text)]);
    expect(library.rules).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({
        code: "invalid_field",
        line: 11,
        field: "entries.1.weight",
        ruleId: "en.self-harm.bad",
      }),
    ]);
  });

  it("reports unknown fields, a missing severity and a misplaced wildcard", () => {
    const { issues } = loadLibrary([
      buildPhraseFile("self-harm", [{ id: "a", phrase: "x*y" }]),
      file(
        '{"language":"en","category":"self-harm","entries":[{"id":"b","phrase":"y","weigth":5,"weight":5,"examples":{"match":["y"],"clear":["z"]}}]}',
      ),
    ]);
    const messages = issues.map((issue) => `${issue.field}: ${issue.message}`).join("\n");
    expect(messages).toMatch(/entries\.0\.phrase: a wildcard/);
    expect(messages).toMatch(/weigth/);
    expect(messages).toMatch(/entries\.0\.severity: a positive weight needs a severity/);
  });

  it("reports duplicate ids and the same phrase twice in a category, keeping the first", () => {
    const { library, issues } = loadLibrary([
      buildPhraseFile("self-harm", [
        { id: "kms", phrase: "kms" },
        { id: "kms", phrase: "kys" },
        { id: "kms-again", phrase: "KMS" },
      ]),
    ]);
    expect(library.rules.map((rule) => rule.id)).toEqual(["en.self-harm.kms"]);
    expect(issues.map((issue) => issue.code)).toEqual(["duplicate_id", "conflicting_rule"]);
  });

  it("accepts a numeric id and a file in the wrong folder is reported", () => {
    const { library, issues } = loadLibrary([
      {
        path: "library/phrases/en/drugs.yaml",
        text: buildPhraseFile("self-harm", [{ id: "x", phrase: "x" }]).text,
      },
      {
        path: "x.yaml",
        text: 'language: en\ncategory: drugs\nentries:\n  - {id: 420, phrase: "420", weight: 20, severity: 1, examples: {match: ["420"], clear: ["42"]}}',
      },
    ]);
    expect(library.rules.map((rule) => rule.id)).toContain("en.drugs.420");
    expect(issues).toEqual([expect.objectContaining({ code: "file_mismatch", line: 1 })]);
  });

  it("gives the same version for the same rules and a different one when a weight changes", () => {
    const a = loadLibrary([
      buildPhraseFile("self-harm", [{ id: "kms", phrase: "kms", weight: 100 }]),
    ]).library;
    const b = loadLibrary([
      buildPhraseFile("self-harm", [{ id: "kms", phrase: "kms", weight: 100 }]),
    ]).library;
    const c = loadLibrary([buildPhraseFile("self-harm", [{ id: "kms", phrase: "kms", weight: 90 }])]).library;
    expect(a.version).toBe(b.version);
    expect(a.version).not.toBe(c.version);
  });
});

describe("profiles file", () => {
  it("refuses an invalid threshold with its line", () => {
    const text =
      "default: secondary\nprofiles:\n  primary: {threshold: 60}\n  secondary: {threshold: 0}\n  sixth-form: {threshold: 120}\n  staff: {threshold: 150}\n";
    const { profiles, issues } = parseProfiles({ path: "profiles.yaml", text });
    expect(profiles).toBeNull();
    expect(issues[0]).toMatchObject({ line: 4, field: "profiles.secondary.threshold" });
  });
});

describe("runLibraryExamples", () => {
  it("reports examples that do not behave as written, with file and line", () => {
    const { library } = loadLibrary([
      buildPhraseFile("self-harm", [
        {
          id: "good",
          phrase: "kms",
          match: ["i want to kms"],
          clear: ["40 kms per hour"],
          unless: ["kms per hour"],
        },
        { id: "bad", phrase: "die", match: ["dying"], clear: ["die hard"] },
      ]),
    ]);
    const failures = runLibraryExamples(library);
    expect(failures.map((f) => f.ruleId)).toEqual(["en.self-harm.bad", "en.self-harm.bad"]);
    expect(failures[0]?.file).toBe("phrases/en/self-harm.yaml");
    expect(failures[0]?.message).toMatch(/does not fire/);
    expect(failures[1]?.message).toMatch(/fires the rule on "die"/);
    expect(failures[0]?.line).toBeGreaterThan(1);
  });
});
