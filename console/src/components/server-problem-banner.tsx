/** The shell's banner for a lost connection or a server failure; the page below stays as it was. */
import { Alert } from "@mantine/core";
import { useServerProblem } from "../hooks/use-server-problem.js";

/** Nothing when all is well. */
export function ServerProblemBanner() {
  const problem = useServerProblem();
  if (!problem) return null;
  return (
    <Alert
      color="red"
      role="alert"
      mb="md"
      title={problem.kind === "connection" ? "Connection lost" : "The server had a problem"}
    >
      {problem.message} What you typed is still here; try again in a moment.
      {problem.requestId ? ` (Request id ${problem.requestId}.)` : ""}
    </Alert>
  );
}
