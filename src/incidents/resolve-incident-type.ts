/** Checks an incident type: a built-in one, or one the school added. */
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { builtInIncidentTypes, isBuiltInType, schoolTypePrefix } from "./incident-types.js";

/** Returns `type` when the school may use it; `validation_failed` naming the choices otherwise. */
export async function resolveIncidentType(
  ctx: WriteContext,
  schoolId: string,
  type: string,
): Promise<string> {
  if (isBuiltInType(type)) return type;
  if (type.startsWith(schoolTypePrefix)) {
    const own = await ctx.trx
      .selectFrom("incident_types")
      .select("id")
      .where("school_id", "=", schoolId)
      .where("id", "=", type.slice(schoolTypePrefix.length))
      .executeTakeFirst();
    if (own) return type;
  }
  throw new AppError("validation_failed", `There is no incident type "${type}".`, {
    fields: [{ path: "type", message: "not a known type" }],
    hint: `Use one of ${Object.keys(builtInIncidentTypes).join(", ")}, or one your school added (school:<id>).`,
  });
}
