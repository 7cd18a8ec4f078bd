// Parses a YAML file keeping line numbers, so every complaint about a library file names its line.
import { type Document, LineCounter, isNode, parseDocument } from "yaml";

/** A library file handed to the loader; the loader never touches the file system. */
export type LibraryFile = { path: string; text: string };

/** A problem found while loading: always with a file and line a person can go to. */
export type LibraryIssue = {
  code: "yaml_syntax" | "invalid_field" | "file_mismatch" | "duplicate_id" | "conflicting_rule";
  file: string;
  line: number;
  /** Dotted path of the offending field, when there is one (`entries.3.weight`). */
  field: string | null;
  ruleId: string | null;
  message: string;
};

export type YamlSource = {
  file: string;
  document: Document;
  /** Line (1-based) of the value at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly (string | number)[]): number;
};

/** Parses `file`; returns the syntax errors instead when it is not valid YAML. */
export function parseYamlSource(file: LibraryFile): YamlSource | LibraryIssue[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return document.errors.map((error) => ({
      code: "yaml_syntax",
      file: file.path,
      line: lineCounter.linePos(error.pos[0]).line,
      field: null,
      ruleId: null,
      message: error.message.split("\n")[0] ?? error.message,
    }));
  }
  const lineOf = (path: readonly (string | number)[]): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node: unknown = document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  return { file: file.path, document, lineOf };
}
