import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors/app-error.js";
import { pickSyslogSource, prepareSyslogSources } from "./syslog-sources.js";

const sameId = (school: string) => Promise.resolve(`id-of-${school}`);

describe("syslog sources", () => {
  it("refuses a source whose parser cannot be made, naming its index", async () => {
    const made = prepareSyslogSources(
      [
        { match: { app: "squid" }, school: "Oak", source: "squid", format: "squid" },
        { match: { app: "proxy" }, school: "Oak", source: "proxy", format: "squid-logformat" },
      ],
      sameId,
    );
    await expect(made).rejects.toBeInstanceOf(AppError);
    await expect(made).rejects.toThrow(
      /VIGIL_SYSLOG_SOURCES\[1\]: squid-logformat needs the logFormat option/,
    );
  });

  it("refuses an unknown time zone", async () => {
    await expect(
      prepareSyslogSources(
        [{ match: { app: "x" }, school: "Oak", source: "x", format: "e2guardian", timeZone: "Mars/Base" }],
        sameId,
      ),
    ).rejects.toThrow(/VIGIL_SYSLOG_SOURCES\[0\]: unknown time zone/);
  });

  it("names the entry whose school is not found", async () => {
    const notFound = () => Promise.reject(new AppError("not_found", 'No school is called "Nowhere".'));
    await expect(
      prepareSyslogSources(
        [{ match: { app: "x" }, school: "Nowhere", source: "x", format: "squid" }],
        notFound,
      ),
    ).rejects.toThrow('Invalid setting VIGIL_SYSLOG_SOURCES[0]: No school is called "Nowhere".');
  });

  it("picks the first source matching the address, the header host (any case) or the app", async () => {
    const sources = await prepareSyslogSources(
      [
        { match: { app: "e2guardian" }, school: "Elm", source: "e2", format: "e2guardian" },
        { match: { host: "10.0.0.2" }, school: "Oak", source: "squid", format: "squid" },
        { match: { host: "proxy.oak.example" }, school: "Ash", source: "squid", format: "squid" },
      ],
      sameId,
    );
    const pick = (sender: Parameters<typeof pickSyslogSource>[1]) =>
      pickSyslogSource(sources, sender)?.schoolId;
    expect(pick({ address: "10.0.0.2", app: "e2guardian" })).toBe("id-of-Elm");
    expect(pick({ address: "::ffff:10.0.0.2", app: "squid" })).toBe("id-of-Oak");
    expect(pick({ address: "10.0.0.9", host: "PROXY.oak.example" })).toBe("id-of-Ash");
    expect(pick({ address: "10.0.0.9", host: "other", app: "squid" })).toBeUndefined();
  });
});
