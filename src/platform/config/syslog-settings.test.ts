import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./load-config.js";

const cwd = () => mkdtempSync(join(tmpdir(), "vigil-config-"));

describe("syslog settings", () => {
  it("keep the listeners off unless a port is set", () => {
    expect(loadConfig({}, cwd())).toMatchObject({
      syslogUdpPort: null,
      syslogTcpPort: null,
      syslogHost: "127.0.0.1",
      syslogSources: [],
    });
    expect(loadConfig({ VIGIL_SYSLOG_UDP_PORT: "off", VIGIL_SYSLOG_TCP_PORT: "" }, cwd())).toMatchObject({
      syslogUdpPort: null,
      syslogTcpPort: null,
    });
  });

  it("read ports (0 picks a free one) and JSON sources", () => {
    const sources = [
      { match: { host: "10.0.0.2" }, school: "Oak", source: "e2guardian", format: "e2guardian" },
    ];
    const config = loadConfig(
      {
        VIGIL_SYSLOG_UDP_PORT: "514",
        VIGIL_SYSLOG_TCP_PORT: "0",
        VIGIL_SYSLOG_HOST: "0.0.0.0",
        VIGIL_SYSLOG_SOURCES: JSON.stringify(sources),
      },
      cwd(),
    );
    expect(config).toMatchObject({ syslogUdpPort: 514, syslogTcpPort: 0, syslogHost: "0.0.0.0" });
    expect(config.syslogSources).toEqual(sources);
  });

  it.each([
    ["not json", "not json"],
    ["an unknown format", '[{"match": {"app": "x"}, "school": "Oak", "source": "x", "format": "nope"}]'],
    ["a match on neither host nor app", '[{"match": {}, "school": "Oak", "source": "x", "format": "squid"}]'],
    [
      "an unknown key",
      '[{"match": {"app": "x"}, "school": "Oak", "source": "x", "format": "squid", "y": 1}]',
    ],
  ])("name VIGIL_SYSLOG_SOURCES when it is %s", (_, value) => {
    expect(() => loadConfig({ VIGIL_SYSLOG_SOURCES: value }, cwd())).toThrow(
      /^Invalid setting VIGIL_SYSLOG_SOURCES: got .*, expected a JSON array/,
    );
  });

  it("names a bad port", () => {
    expect(() => loadConfig({ VIGIL_SYSLOG_TCP_PORT: "70000" }, cwd())).toThrow(
      /^Invalid setting VIGIL_SYSLOG_TCP_PORT: got "70000", expected off, or a whole number/,
    );
  });
});
