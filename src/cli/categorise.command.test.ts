import { describe, expect, it } from "vitest";
import { runVigil } from "./test-support/run-vigil.js";

describe("vigil categorise --jsonl (the stable contract)", () => {
  it("answers each line in order with categories and the search query", () => {
    const input = [
      { id: 1, url: "https://www.bet365.com/en/sports" },
      { id: "q", url: "https://www.bing.com/search?q=how+to+get+past+the+school+filter" },
      { id: 3, url: "not a url at all" },
      { id: 4 },
    ]
      .map((line) => JSON.stringify(line))
      .join("\n");
    const result = runVigil(["categorise", "--jsonl"], {}, `${input}\n`);
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.id)).toEqual([1, "q", 3, 4]);
    expect(lines[0]?.categories).toContain("gambling");
    expect(lines[0]?.search).toBeNull();
    expect(lines[1]).toMatchObject({ search: "how to get past the school filter" });
    expect(lines[2]).toMatchObject({ categories: [], search: null });
    expect(lines[3]).toMatchObject({ error: "line 4: url: url must be a string" });
  });

  it("explains a single URL in words", () => {
    const result = runVigil(["categorise", "https://www.youtube.com/results?search_query=knife+fight"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Search query: knife fight");
  });
});
