/**
 * Reads settings from the environment and an optional JSON file (the environment wins), validates
 * each with its Zod schema, and fills in defaults. An invalid value stops start-up with the key,
 * the value given and what was expected.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { AppError } from "../errors/app-error.js";
import { settingDefinitions, type Config, type SettingKey } from "./settings.js";

export const configFileEnv = "VIGIL_CONFIG_FILE";
const defaultConfigFile = "vigil.config.json";

/** Loads the configuration; throws `invalid_setting` naming the first bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const fromFile = readConfigFile(env, cwd);
  const raw = (key: SettingKey): { value: unknown; source: string } | undefined => {
    const envName = settingDefinitions[key].env;
    const envValue = env[envName];
    if (envValue !== undefined && envValue !== "") return { value: envValue, source: envName };
    if (key in fromFile.values) return { value: fromFile.values[key], source: `${key} in ${fromFile.path}` };
    return undefined;
  };
  const read = <K extends SettingKey>(key: K): Config[K] | undefined => {
    const given = raw(key);
    if (given === undefined) return undefined;
    const definition = settingDefinitions[key];
    const parsed = definition.schema.safeParse(given.value);
    if (!parsed.success) {
      throw new AppError(
        "invalid_setting",
        `Invalid setting ${given.source}: got ${JSON.stringify(given.value)}, expected ${definition.expected}.`,
        { hint: `Fix or remove ${given.source}; the default is ${String(definition.default)}.` },
      );
    }
    return parsed.data as Config[K];
  };

  const port = read("port") ?? settingDefinitions.port.default;
  const dataDir = resolve(cwd, read("dataDir") ?? settingDefinitions.dataDir.default);
  const databaseUrl = read("databaseUrl") ?? join(dataDir, "vigil.db");
  return {
    port,
    host: read("host") ?? settingDefinitions.host.default,
    dataDir,
    databaseUrl: /^postgres(ql)?:/i.test(databaseUrl)
      ? databaseUrl
      : resolve(cwd, databaseUrl.replace(/^sqlite:(\/\/)?/i, "")),
    publicUrl: (read("publicUrl") ?? `http://localhost:${port}`).replace(/\/+$/, ""),
    logLevel: read("logLevel") ?? settingDefinitions.logLevel.default,
    shutdownTimeoutSeconds:
      read("shutdownTimeoutSeconds") ?? settingDefinitions.shutdownTimeoutSeconds.default,
    sessionIdleMinutes: read("sessionIdleMinutes") ?? settingDefinitions.sessionIdleMinutes.default,
    sessionLifetimeHours: read("sessionLifetimeHours") ?? settingDefinitions.sessionLifetimeHours.default,
    lockoutMinutes: read("lockoutMinutes") ?? settingDefinitions.lockoutMinutes.default,
    eventRetentionDays: read("eventRetentionDays") ?? settingDefinitions.eventRetentionDays.default,
    eventQueueLimit: read("eventQueueLimit") ?? settingDefinitions.eventQueueLimit.default,
    syslogUdpPort: read("syslogUdpPort") ?? null,
    syslogTcpPort: read("syslogTcpPort") ?? null,
    syslogHost: read("syslogHost") ?? settingDefinitions.syslogHost.default,
    syslogSources: read("syslogSources") ?? [],
    smtpHost: read("smtpHost") ?? null,
    smtpPort: read("smtpPort") ?? settingDefinitions.smtpPort.default,
    smtpSecure: read("smtpSecure") ?? settingDefinitions.smtpSecure.default,
    smtpFrom: read("smtpFrom") ?? settingDefinitions.smtpFrom.default,
    smtpUser: read("smtpUser") || null,
    smtpPassword: read("smtpPassword") || null,
    evidenceKeyFile: resolve(cwd, read("evidenceKeyFile") ?? join(dataDir, "evidence.key")),
    evidenceKey: read("evidenceKey") ?? null,
    evidenceMaxBytes: read("evidenceMaxBytes") ?? settingDefinitions.evidenceMaxBytes.default,
  };
}

function readConfigFile(
  env: NodeJS.ProcessEnv,
  cwd: string,
): { path: string; values: Record<string, unknown> } {
  const named = env[configFileEnv];
  const path = resolve(cwd, named ?? defaultConfigFile);
  if (!existsSync(path)) {
    if (named !== undefined) {
      throw new AppError(
        "invalid_setting",
        `Invalid setting ${configFileEnv}: the file ${path} does not exist.`,
      );
    }
    return { path, values: {} };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("invalid_setting", `The configuration file ${path} is not valid JSON: ${reason}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AppError(
      "invalid_setting",
      `The configuration file ${path} must hold a JSON object of settings.`,
    );
  }
  const unknownKeys = Object.keys(parsed).filter((key) => !(key in settingDefinitions));
  if (unknownKeys.length > 0) {
    throw new AppError(
      "invalid_setting",
      `The configuration file ${path} has unknown settings: ${unknownKeys.join(", ")}. Known: ${Object.keys(settingDefinitions).join(", ")}.`,
    );
  }
  return { path, values: parsed as Record<string, unknown> };
}
