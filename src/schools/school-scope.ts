/**
 * Tenancy: every query of school-owned rows is limited to the schools the caller may see. A
 * scope is built once per request from the caller's memberships and passed to repositories.
 */
import { sql, type Expression, type ExpressionBuilder, type ReferenceExpression, type SqlBool } from "kysely";

export interface SchoolScope {
  readonly schoolIds: readonly string[];
}

/** A scope of the given schools. */
export function scopeOf(schoolIds: readonly string[]): SchoolScope {
  return { schoolIds: [...new Set(schoolIds)] };
}

/** `column IN (scope)`; false for an empty scope, so a caller with no schools sees nothing. */
export function schoolInScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: ReferenceExpression<DB, TB>,
  scope: SchoolScope,
): Expression<SqlBool> {
  if (scope.schoolIds.length === 0) return sql<SqlBool>`1 = 0`;
  return eb(column, "in", [...scope.schoolIds]);
}
