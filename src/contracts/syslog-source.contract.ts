/**
 * The `VIGIL_SYSLOG_SOURCES` setting: which sender is which filter. Each entry matches a sender by
 * its host (the sending address, or the host name in the syslog header) or by the header's app
 * name, and says which school and source its events belong to and which parser reads them.
 */
import { z } from "zod";
import { LOG_FORMATS } from "../capture/parsers/parser-registry.js";

export const SyslogSourceSettingSchema = z.strictObject({
  match: z.union([
    z.strictObject({ host: z.string().trim().min(1).max(255) }),
    z.strictObject({ app: z.string().trim().min(1).max(48) }),
  ]),
  /** School id or exact name. */
  school: z.string().trim().min(1),
  /** The events' `source`, as `vigil ingest --source` names it. */
  source: z.string().trim().min(1).max(128),
  format: z.enum(LOG_FORMATS),
  /** IANA zone of the sender's local-time stamps (RFC 3164 headers, e2guardian lines); default UTC. */
  timeZone: z.string().min(1).optional(),
  /** For `squid-logformat`: the logformat spec or a built-in name. */
  logFormat: z.string().min(1).optional(),
});

export type SyslogSourceSetting = z.infer<typeof SyslogSourceSettingSchema>;

/** A JSON array of sources; in the environment it is a JSON string, in the config file an array. */
export const SyslogSourcesSettingSchema = z.preprocess((value) => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value; // not JSON: fails the array check below, so the setting's error names it
  }
}, z.array(SyslogSourceSettingSchema).max(1_000));
