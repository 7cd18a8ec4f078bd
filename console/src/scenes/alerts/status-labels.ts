/** Alert statuses in words a person reads, and the verbs on the buttons that move to them. */
export const statusLabel: Record<string, string> = {
  new: "New",
  "in-review": "In review",
  "false-positive": "False positive",
  "no-action": "Closed, no action",
  incident: "Raised to an incident",
};

export const statusAction: Record<string, string> = {
  "in-review": "Take into review",
  "false-positive": "Dismiss as false positive",
  "no-action": "Close with no action",
};
