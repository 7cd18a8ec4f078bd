/**
 * The public labelled sets in ../shared/data/text (never copied into the repository), read into
 * labelled texts. Each set says what counts as positive and what Vigil's prediction is.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { sharedDataPath } from "../../src/test-support/shared-data.js";

export type LabelledText = { text: string; positive: boolean };

export type EvalSet = {
  name: string;
  source: string;
  /** What a positive is, in words. */
  positives: string;
  /** Vigil predicts positive when this category is flagged; null means any category. */
  vigilCategory: string | null;
  items: LabelledText[];
};

/** Where the data is: VIGIL_EVAL_DATA, or ../shared/data/text beside the repository. */
export function evalDataRoot(): string {
  return resolve(process.env.VIGIL_EVAL_DATA ?? sharedDataPath("text"));
}

type Row = Record<string, string>;

function readCsv(path: string, delimiter = ","): Row[] {
  return parse<Row>(readFileSync(path), {
    columns: true,
    delimiter,
    skip_empty_lines: true,
    relax_quotes: true,
  });
}

/** Loads every set that is present; `missing` names the files that were not found. */
export function loadEvalSets(root = evalDataRoot()): { sets: EvalSet[]; missing: string[] } {
  const sets: EvalSet[] = [];
  const missing: string[] = [];
  const whenPresent = (file: string, build: (path: string) => EvalSet[]) => {
    const path = join(root, file);
    if (existsSync(path)) sets.push(...build(path));
    else missing.push(path);
  };
  whenPresent("davidson/labeled_data.csv", (path) => {
    const rows = readCsv(path);
    const text = (row: Row) => row.tweet ?? "";
    return [
      {
        name: "Davidson hate+offensive vs neither",
        source: "Davidson et al. 2017, 24,783 tweets (MIT)",
        positives: "class 0 (hate) or 1 (offensive)",
        vigilCategory: null,
        items: rows.map((row) => ({ text: text(row), positive: row.class !== "2" })),
      },
      {
        name: "Davidson hate only vs neither",
        source: "Davidson et al. 2017, classes 0 and 2",
        positives: "class 0 (hate)",
        vigilCategory: null,
        items: rows
          .filter((row) => row.class !== "1")
          .map((row) => ({ text: text(row), positive: row.class === "0" })),
      },
    ];
  });
  whenPresent("ethos/Ethos_Dataset_Binary.csv", (path) => [
    {
      name: "ETHOS hate vs not",
      source: "Mollas et al. 2022, 998 YouTube and Reddit comments (GPL-3.0)",
      positives: "isHate >= 0.5",
      vigilCategory: null,
      items: readCsv(path, ";").map((row) => ({
        text: row.comment ?? "",
        positive: Number(row.isHate) >= 0.5,
      })),
    },
  ]);
  whenPresent("suicide-500/Suicide_Detection.500.csv", (path) => {
    const rows = readCsv(path);
    return [
      {
        name: "r/SuicideWatch vs r/teenagers (self-harm)",
        source: "Reddit posts, 252 r/SuicideWatch and 248 r/teenagers (research use)",
        positives: "posted in r/SuicideWatch; Vigil counts a self-harm flag",
        vigilCategory: "self-harm",
        items: rows.map((row) => ({ text: row.text ?? "", positive: row.class === "suicide" })),
      },
      {
        name: "r/teenagers posts (any alert)",
        source: "the 248 r/teenagers posts of the set above",
        positives: "none: every alert is a false positive",
        vigilCategory: null,
        items: rows
          .filter((row) => row.class !== "suicide")
          .map((row) => ({ text: row.text ?? "", positive: false })),
      },
    ];
  });
  whenPresent("brown-benign/brown_sentences.csv", (path) => [
    {
      name: "Brown corpus sentences (any alert)",
      source: "Brown corpus, 53,497 sentences in 15 genres",
      positives: "none: every alert is a false positive",
      vigilCategory: null,
      items: readCsv(path).map((row) => ({ text: row.text ?? "", positive: false })),
    },
  ]);
  return { sets, missing };
}
