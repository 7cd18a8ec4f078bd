import { createSocket } from "node:dgram";
import { connect } from "node:net";
import { expect, it } from "vitest";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import type { VigilDatabase } from "../../db/open-database.js";
import { buildSchool } from "../../test-support/builders.js";
import type { SyslogStats } from "./syslog-intake.js";
import { SyslogListener } from "./syslog-listener.js";
import { prepareSyslogSources } from "./syslog-sources.js";

// Linux routes all of 127.0.0.0/8 to loopback, so 127.0.0.2 and .3 are distinct senders.
const proxyAddress = "127.0.0.2";
const strangerAddress = "127.0.0.3";

const squidLine = (second: number, url: string, status = "TCP_MISS/200") =>
  `${1709647331 + second}.049   5006 10.105.21.199 ${status} 19763 GET ${url} badeyek DIRECT/175.16.199.115 text/html`;
const e2Allowed = (url: string) =>
  `2024.3.5 14:02:12 alice 192.168.0.6 ${url} GET 51234 -20 Clean 2 200 text/html pc-6.lan Staff Mozilla/5.0 (X11)`;
const e2Denied = (url: string) =>
  `2024.3.5 14:02:11 bob 192.168.0.5 ${url} *DENIED* Banned site: example.com GET 0 0 Adult Sites 1 403 - Default -`;
const bsd = (tag: string, line: string, host = "proxy1") => `<134>Mar  5 14:02:11 ${host} ${tag}: ${line}`;
const ietf = (app: string, line: string) =>
  `<134>1 2024-03-05T14:02:12.000Z filter1.oak ${app} 77 - - ${line}`;

function sendUdp(port: number, message: string | Buffer, from = proxyAddress): Promise<void> {
  const socket = createSocket("udp4");
  return new Promise((resolve, reject) => {
    socket.bind({ address: from, port: 0 }, () => {
      socket.send(message, port, "127.0.0.1", (error) => {
        socket.close();
        if (error) reject(error);
        else resolve();
      });
    });
  });
}

function sendTcp(port: number, data: string, from = proxyAddress): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1", localAddress: from }, () => {
      socket.end(data);
    });
    socket.on("error", reject);
    socket.on("close", () => {
      resolve();
    });
  });
}

const octetCounted = (...messages: string[]) =>
  messages.map((message) => `${Buffer.byteLength(message)} ${message}`).join("");

async function waitFor(listener: SyslogListener, check: (stats: SyslogStats) => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check(listener.stats)) {
    if (Date.now() > deadline)
      throw new Error(`timed out; the listener has ${JSON.stringify(listener.stats)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

forEachDialect("the syslog listener", (database) => {
  /** Two schools: Elm's e2guardian matched by app name, Oak's Squid by sending address. */
  async function startListener(options: { maxFrameBytes?: number; maxPending?: number } = {}) {
    const oak = await buildSchool(database());
    const elm = await buildSchool(database(), { name: `Elm ${Math.random().toString(36).slice(2, 8)}` });
    const sources = await prepareSyslogSources(
      [
        // The first match wins: e2guardian's messages from the proxy host are Elm's, the rest Oak's.
        { match: { app: "e2guardian" }, school: elm.schoolId, source: "e2guardian", format: "e2guardian" },
        { match: { host: proxyAddress }, school: oak.schoolId, source: "squid", format: "squid" },
      ],
      (school) => Promise.resolve(school),
    );
    const listener = await SyslogListener.start({
      database: database(),
      sources,
      host: "127.0.0.1",
      udpPort: 0,
      tcpPort: 0,
      ...options,
    });
    const { udp, tcp } = listener.addresses();
    return { listener, oak: oak.schoolId, elm: elm.schoolId, udp: udp?.port ?? 0, tcp: tcp?.port ?? 0 };
  }

  const storedEvents = (db: VigilDatabase, schoolIds: string[]) =>
    db.db
      .selectFrom("events")
      .select(["school_id", "source", "user_name", "url", "action"])
      .where("school_id", "in", schoolIds)
      .orderBy("url")
      .execute();

  it("stores RFC 3164 and RFC 5424 messages over UDP by source, and counts strangers and garbage", async () => {
    const { listener, oak, elm, udp } = await startListener();
    try {
      await sendUdp(udp, bsd("squid[123]", squidLine(0, "http://a.example/")));
      await sendUdp(udp, ietf("e2guardian", e2Allowed("https://b.example/")), "127.0.0.1");
      await sendUdp(udp, bsd("squid", squidLine(1, "http://stranger.example/"), "stranger"), strangerAddress);
      await sendUdp(udp, "no syslog header here");
      await sendUdp(udp, ietf("e2guardian", "not an e2guardian line"), "127.0.0.1");
      await waitFor(listener, (stats) => stats.stored === 2 && stats.received === 5);

      expect(await storedEvents(database(), [oak, elm])).toEqual([
        {
          school_id: oak,
          source: "squid",
          user_name: "badeyek",
          url: "http://a.example/",
          action: "allowed",
        },
        {
          school_id: elm,
          source: "e2guardian",
          user_name: "alice",
          url: "https://b.example/",
          action: "allowed",
        },
      ]);
      expect(listener.stats).toMatchObject({ unknownSource: 1, malformed: 2, dropped: 0, failed: 0 });
      expect(listener.stats.malformedSamples).toEqual([
        { from: proxyAddress, reason: expect.stringMatching(/PRI/) as string },
        { from: "127.0.0.1", reason: expect.any(String) as string },
      ]);
    } finally {
      await listener.close();
    }
  });

  it("reads an octet-counted and a newline-framed TCP stream", async () => {
    const { listener, oak, elm, tcp } = await startListener();
    try {
      await sendTcp(
        tcp,
        octetCounted(
          bsd("squid", squidLine(0, "http://c.example/", "TCP_DENIED/403")),
          ietf("e2guardian", e2Denied("http://d.example/")),
        ),
      );
      await sendTcp(
        tcp,
        `${ietf("e2guardian", e2Allowed("http://e.example/"))}\n${bsd("squid", squidLine(2, "http://f.example/"))}\r\n`,
      );
      await sendTcp(tcp, `${bsd("squid", squidLine(3, "http://g.example/"), "stranger")}\n`, strangerAddress);
      await waitFor(listener, (stats) => stats.stored === 4 && stats.unknownSource === 1);

      expect(await storedEvents(database(), [oak, elm])).toEqual([
        {
          school_id: oak,
          source: "squid",
          user_name: "badeyek",
          url: "http://c.example/",
          action: "blocked",
        },
        {
          school_id: elm,
          source: "e2guardian",
          user_name: "bob",
          url: "http://d.example/",
          action: "blocked",
        },
        {
          school_id: elm,
          source: "e2guardian",
          user_name: "alice",
          url: "http://e.example/",
          action: "allowed",
        },
        {
          school_id: oak,
          source: "squid",
          user_name: "badeyek",
          url: "http://f.example/",
          action: "allowed",
        },
      ]);
      expect(listener.stats).toMatchObject({ malformed: 0, framingErrors: 0 });
    } finally {
      await listener.close();
    }
  });

  it("counts an oversized frame as malformed and keeps reading after it", async () => {
    const { listener, oak, tcp, udp } = await startListener({ maxFrameBytes: 1024 });
    try {
      const huge = bsd("squid", squidLine(0, `http://h.example/${"x".repeat(2_000)}`));
      await sendTcp(tcp, `${huge}\n${bsd("squid", squidLine(1, "http://i.example/"))}\n`);
      await sendUdp(udp, huge);
      await waitFor(listener, (stats) => stats.stored === 1 && stats.malformed === 2);

      expect(await storedEvents(database(), [oak])).toMatchObject([{ url: "http://i.example/" }]);
      expect(listener.stats.malformedSamples.map((sample) => sample.reason)).toEqual([
        expect.stringMatching(/over the 1024-byte limit/) as string,
        expect.stringMatching(/over the 1024-byte limit/) as string,
      ]);
    } finally {
      await listener.close();
    }
  });

  it("holds TCP senders back while storage is behind, and loses nothing", async () => {
    const { listener, oak, tcp } = await startListener({ maxPending: 4 });
    try {
      const lines = Array.from({ length: 300 }, (_, i) =>
        bsd("squid", squidLine(i, `http://k.example/${String(i).padStart(3, "0")}`)),
      );
      await Promise.all([
        sendTcp(tcp, `${lines.slice(0, 150).join("\n")}\n`),
        sendTcp(tcp, lines.slice(150).join("\n")),
      ]);
      await waitFor(listener, (stats) => stats.stored === 300);
      expect(await storedEvents(database(), [oak])).toHaveLength(300);
      expect(listener.stats).toMatchObject({ received: 300, dropped: 0, malformed: 0 });
    } finally {
      await listener.close();
    }
  });

  it("commits the messages already received when it is closed", async () => {
    const { listener, oak, tcp } = await startListener();
    await sendTcp(tcp, `${bsd("squid", squidLine(0, "http://j.example/"))}\n`);
    await waitFor(listener, (stats) => stats.received === 1);
    await listener.close();
    expect(await storedEvents(database(), [oak])).toMatchObject([{ url: "http://j.example/" }]);
  });
});
