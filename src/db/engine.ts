/**
 * The two storage engines and every way they differ, named in one place. Nothing outside
 * src/db/ may branch on the engine or write dialect-specific SQL: ask for a capability here.
 */
export type Engine = "sqlite" | "postgres";

export interface EngineCapabilities {
  engine: Engine;
  /** `SELECT ... FOR UPDATE` exists; SQLite serialises writers instead, so it needs no lock. */
  rowLocking: boolean;
  /** Placeholders per statement, bounding how many rows one multi-row insert may carry. */
  maxBindParameters: number;
}

const capabilities: Record<Engine, EngineCapabilities> = {
  sqlite: { engine: "sqlite", rowLocking: false, maxBindParameters: 32_766 },
  postgres: { engine: "postgres", rowLocking: true, maxBindParameters: 65_535 },
};

/** The capabilities of an engine. */
export function capabilitiesOf(engine: Engine): EngineCapabilities {
  return capabilities[engine];
}

/** Which engine a database URL names: `postgres://` or `postgresql://` is PostgreSQL, all else SQLite. */
export function engineOfUrl(url: string): Engine {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}
