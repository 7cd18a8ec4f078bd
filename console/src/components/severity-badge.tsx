/** An alert's severity as a badge: colour and words, never colour alone. */
import { Badge } from "@mantine/core";
import { severityColor, severityLabel } from "./format.js";

/** The badge. */
export function SeverityBadge({ severity }: { severity: number }) {
  return (
    <Badge color={severityColor(severity)} variant="filled">
      {severityLabel(severity)}
    </Badge>
  );
}
