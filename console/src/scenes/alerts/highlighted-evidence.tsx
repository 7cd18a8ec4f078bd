/** The evidence text with the matched words marked, so a reviewer sees at once what fired. */
import { Text } from "@mantine/core";
import type { AlertDetail } from "../../../../src/contracts/alert.contract.js";

type Evidence = NonNullable<AlertDetail["evidence"]>;

/** The text, with each span in a `<mark>` naming its rule. */
export function HighlightedEvidence({ evidence }: { evidence: Evidence }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const span of evidence.spans) {
    if (span.start > at) parts.push(evidence.text.slice(at, span.start));
    parts.push(
      <mark
        key={span.start}
        title={`rule ${span.ruleId}`}
        style={{ background: "#ffe066", color: "#1a1b1e" }}
      >
        {evidence.text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  if (at < evidence.text.length) parts.push(evidence.text.slice(at));
  return (
    <Text
      component="blockquote"
      aria-label="Evidence"
      style={{ whiteSpace: "pre-wrap", borderLeft: "4px solid #ced4da", paddingLeft: 12 }}
    >
      {parts}
    </Text>
  );
}
