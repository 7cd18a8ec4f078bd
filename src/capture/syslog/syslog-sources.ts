/**
 * The configured syslog sources made ready to use: each with its school resolved and its parser
 * built, checked once at start-up so that a bad entry stops the server with its index named
 * rather than dropping messages later. Picking a message's source is then a cheap lookup.
 */
import { AppError } from "../../platform/errors/app-error.js";
import type { LineParser } from "../log-line.js";
import { parserFor } from "../parsers/parser-registry.js";
import type { SyslogSourceSetting } from "../../contracts/syslog-source.contract.js";

export type SyslogSource = {
  match: { host: string } | { app: string };
  schoolId: string;
  source: string;
  parse: LineParser;
};

/** Who sent a message: the socket's address and the header's host and app, when it had them. */
export type SyslogSender = { address: string; host?: string | undefined; app?: string | undefined };

/** Resolves each setting's school (by id or name, through `schoolIdOf`) and builds its parser. */
export async function prepareSyslogSources(
  settings: readonly SyslogSourceSetting[],
  schoolIdOf: (reference: string) => Promise<string>,
): Promise<SyslogSource[]> {
  const sources: SyslogSource[] = [];
  for (const [index, setting] of settings.entries()) {
    const lookup = parserFor(setting.format, {
      ...(setting.timeZone === undefined ? {} : { timeZone: setting.timeZone }),
      ...(setting.logFormat === undefined ? {} : { logFormat: setting.logFormat }),
    });
    if (!lookup.ok) {
      throw new AppError(
        "invalid_setting",
        `Invalid setting VIGIL_SYSLOG_SOURCES[${index}]: ${lookup.reason}.`,
      );
    }
    sources.push({
      match: setting.match,
      schoolId: await schoolIdOf(setting.school).catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        throw new AppError(
          "invalid_setting",
          `Invalid setting VIGIL_SYSLOG_SOURCES[${index}]: ${error.message}`,
          error.details,
        );
      }),
      source: setting.source,
      parse: lookup.parse,
    });
  }
  return sources;
}

/** The first source, in setting order, that matches the sender; undefined for a stranger. */
export function pickSyslogSource(
  sources: readonly SyslogSource[],
  sender: SyslogSender,
): SyslogSource | undefined {
  const address = plainAddress(sender.address);
  const host = sender.host?.toLowerCase();
  return sources.find((source) =>
    "host" in source.match
      ? source.match.host === address || source.match.host.toLowerCase() === host
      : source.match.app === sender.app,
  );
}

/** `::ffff:10.0.0.2`, as a dual-stack socket reports an IPv4 sender, is `10.0.0.2`. */
function plainAddress(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
