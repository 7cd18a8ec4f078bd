/** Who did something: a signed-in person, the operator at the server's shell, or Vigil itself. */
export type Actor =
  | { kind: "user"; id: string; label: string }
  | { kind: "cli"; label: string }
  | { kind: "system"; label: string }
  | { kind: "anonymous"; label: string };

/** The operator running a `vigil` command on the server. */
export function cliActor(): Actor {
  const who = process.env.SUDO_USER ?? process.env.USER ?? "unknown";
  return { kind: "cli", label: `vigil command-line (${who})` };
}

/** The id of an actor for audit records, when it has one. */
export function actorId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.id : null;
}
