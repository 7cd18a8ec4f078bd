/**
 * Every setting Vigil reads: its key, environment variable, default and what it expects. A test
 * checks that the README's configuration table lists each one with its default.
 */
import { z } from "zod";
import {
  SyslogSourcesSettingSchema,
  type SyslogSourceSetting,
} from "../../contracts/syslog-source.contract.js";

/** A syslog port; `off` (or unset, or empty) keeps that listener off, and 0 picks a free port. */
const syslogPortSchema = z.union([
  z.literal("off").transform(() => null),
  z.coerce.number().int().min(0).max(65_535),
]);

export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const settingDefinitions = {
  port: {
    env: "VIGIL_PORT",
    default: 3000,
    schema: z.coerce.number().int().min(0).max(65_535),
    expected: "a whole number from 0 to 65535 (0 picks a free port)",
    description: "TCP port the server listens on",
  },
  host: {
    env: "VIGIL_HOST",
    default: "127.0.0.1",
    schema: z.string().min(1),
    expected: "an interface address such as 127.0.0.1 or 0.0.0.0",
    description: "Address to listen on; use 0.0.0.0 to serve other machines on the network",
  },
  dataDir: {
    env: "VIGIL_DATA_DIR",
    default: "./data",
    schema: z.string().min(1),
    expected: "a folder path",
    description: "Folder for the SQLite database and other local state; created if missing",
  },
  databaseUrl: {
    env: "VIGIL_DATABASE_URL",
    default: "<dataDir>/vigil.db",
    schema: z.string().min(1),
    expected: "a SQLite file path, or postgres://user:password@host:port/database",
    description: "Where data is stored: SQLite (embedded, the default) or PostgreSQL",
  },
  publicUrl: {
    env: "VIGIL_PUBLIC_URL",
    default: "http://localhost:<port>",
    schema: z.url({ protocol: /^https?$/ }),
    expected: "an http:// or https:// URL",
    description: "The address people use to reach the console, used in links Vigil prints and sends",
  },
  logLevel: {
    env: "VIGIL_LOG_LEVEL",
    default: "info",
    schema: z.enum(logLevels),
    expected: `one of ${logLevels.join(", ")}`,
    description: "How much the server logs (structured JSON on standard output)",
  },
  shutdownTimeoutSeconds: {
    env: "VIGIL_SHUTDOWN_TIMEOUT_SECONDS",
    default: 10,
    schema: z.coerce.number().int().min(1).max(600),
    expected: "a whole number of seconds from 1 to 600",
    description: "How long a graceful shutdown waits for requests in flight before closing",
  },
  sessionIdleMinutes: {
    env: "VIGIL_SESSION_IDLE_MINUTES",
    default: 30,
    schema: z.coerce.number().int().min(1).max(1_440),
    expected: "a whole number of minutes from 1 to 1440",
    description: "A signed-in session with no request for this long ends",
  },
  sessionLifetimeHours: {
    env: "VIGIL_SESSION_LIFETIME_HOURS",
    default: 12,
    schema: z.coerce.number().int().min(1).max(720),
    expected: "a whole number of hours from 1 to 720",
    description: "A session ends this long after sign-in, however active",
  },
  lockoutMinutes: {
    env: "VIGIL_LOCKOUT_MINUTES",
    default: 30,
    schema: z.coerce.number().int().min(0).max(10_080),
    expected: "a whole number of minutes from 0 to 10080 (0: only an administrator unlocks)",
    description: "How long an account stays locked after 5 failed sign-ins in a row",
  },
  eventRetentionDays: {
    env: "VIGIL_EVENT_RETENTION_DAYS",
    default: 90,
    schema: z.coerce.number().int().min(30).max(3_650),
    expected: "a whole number of days from 30 to 3650",
    description:
      "Captured activity older than this is deleted each night, except under an investigation hold",
  },
  eventQueueLimit: {
    env: "VIGIL_EVENT_QUEUE_LIMIT",
    default: 100_000,
    schema: z.coerce.number().int().min(1).max(100_000_000),
    expected: "a whole number of events from 1 to 100000000",
    description: "Events waiting for detection beyond which the event API answers 429 with Retry-After",
  },
  syslogUdpPort: {
    env: "VIGIL_SYSLOG_UDP_PORT",
    default: "off",
    schema: syslogPortSchema,
    expected: "off, or a whole number from 0 to 65535 (0 picks a free port)",
    description: "UDP port for filters that send their logs over syslog; off unless set",
  },
  syslogTcpPort: {
    env: "VIGIL_SYSLOG_TCP_PORT",
    default: "off",
    schema: syslogPortSchema,
    expected: "off, or a whole number from 0 to 65535 (0 picks a free port)",
    description: "TCP port for syslog (octet-counted or newline-framed); off unless set",
  },
  syslogHost: {
    env: "VIGIL_SYSLOG_HOST",
    default: "127.0.0.1",
    schema: z.string().min(1),
    expected: "an interface address such as 127.0.0.1 or 0.0.0.0",
    description: "Address the syslog listeners bind to",
  },
  syslogSources: {
    env: "VIGIL_SYSLOG_SOURCES",
    default: "[]",
    schema: SyslogSourcesSettingSchema,
    expected:
      'a JSON array of {"match": {"host": ...} or {"app": ...}, "school", "source", "format"} (optional "timeZone", "logFormat")',
    description: "Which syslog sender is which school's filter, and how its lines are read",
  },
  evidenceKeyFile: {
    env: "VIGIL_EVIDENCE_KEY_FILE",
    default: "<dataDir>/evidence.key",
    schema: z.string().min(1),
    expected: "a file path",
    description:
      "File holding the 256-bit key that encrypts incident evidence (created on first use if the default)",
  },
  evidenceKey: {
    env: "VIGIL_EVIDENCE_KEY",
    default: "none",
    schema: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, "a base64 32-byte key"),
    expected: "a 32-byte key in base64 (44 characters), e.g. from `openssl rand -base64 32`",
    description: "The evidence key itself, instead of a key file",
  },
  evidenceMaxBytes: {
    env: "VIGIL_EVIDENCE_MAX_BYTES",
    default: 20_971_520,
    schema: z.coerce.number().int().min(1_024).max(1_073_741_824),
    expected: "a whole number of bytes from 1024 to 1073741824",
    description: "Largest evidence file accepted",
  },
  smtpHost: {
    env: "VIGIL_SMTP_HOST",
    default: "off",
    schema: z.union([z.literal("off").transform(() => null), z.string().min(1)]),
    expected: "off, or the SMTP server's host name or address",
    description: "Mail server for notification emails; off until set (deliveries then fail and are shown)",
  },
  smtpPort: {
    env: "VIGIL_SMTP_PORT",
    default: 587,
    schema: z.coerce.number().int().min(1).max(65_535),
    expected: "a whole number from 1 to 65535",
    description: "SMTP port: 587 (STARTTLS) or 465 (with VIGIL_SMTP_SECURE=true)",
  },
  smtpSecure: {
    env: "VIGIL_SMTP_SECURE",
    default: false,
    schema: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
    expected: "true (TLS from the start, port 465) or false (STARTTLS when offered)",
    description: "Whether the SMTP connection is TLS from the start",
  },
  smtpFrom: {
    env: "VIGIL_SMTP_FROM",
    default: "vigil@localhost",
    schema: z.string().min(3),
    expected: "a sender address such as Vigil <vigil@school.example>",
    description: "The From address of notification emails",
  },
  smtpUser: {
    env: "VIGIL_SMTP_USER",
    default: "",
    schema: z.string(),
    expected: "a user name, or empty for no authentication",
    description: "SMTP user name; empty: no authentication",
  },
  smtpPassword: {
    env: "VIGIL_SMTP_PASSWORD",
    default: "",
    schema: z.string(),
    expected: "the SMTP password",
    description: "SMTP password (prefer the environment to the config file)",
  },
} as const;

export type SettingKey = keyof typeof settingDefinitions;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  publicUrl: string;
  logLevel: (typeof logLevels)[number];
  shutdownTimeoutSeconds: number;
  sessionIdleMinutes: number;
  sessionLifetimeHours: number;
  lockoutMinutes: number;
  eventRetentionDays: number;
  eventQueueLimit: number;
  /** null when off. */
  syslogUdpPort: number | null;
  /** null when off. */
  syslogTcpPort: number | null;
  syslogHost: string;
  syslogSources: SyslogSourceSetting[];
  evidenceKeyFile: string;
  /** null: use the key file. */
  evidenceKey: string | null;
  evidenceMaxBytes: number;
  /** null when email is off. */
  smtpHost: string | null;
  smtpPort: number;
  smtpSecure: boolean;
  smtpFrom: string;
  /** null: no authentication. */
  smtpUser: string | null;
  smtpPassword: string | null;
}
