/**
 * The syslog listener for filters that ship their logs over syslog: UDP (one datagram, one
 * message) and TCP (octet-counted or newline-framed, RFC 6587), each on its own port and off
 * unless configured. Messages go to the intake, which stores them in small group commits.
 *
 * Memory stays bounded: a frame is at most `maxFrameBytes` (longer ones are counted malformed),
 * TCP connections are limited, and at most `maxPending` messages wait for storage. When storage
 * falls behind, TCP sockets are paused so senders feel back-pressure; UDP has none to give, so
 * datagrams that arrive then are dropped and counted (the kernel would drop them anyway).
 */
import { createSocket, type Socket as UdpSocket } from "node:dgram";
import { createServer, isIPv6, type AddressInfo, type Server, type Socket } from "node:net";
import type { VigilDatabase } from "../../db/open-database.js";
import { createFrameSplitter, DEFAULT_MAX_FRAME_BYTES } from "../parsers/syslog-tcp-splitter.js";
import { SyslogIntake, type SyslogLogger, type SyslogStats } from "./syslog-intake.js";
import type { SyslogSource } from "./syslog-sources.js";

export type SyslogListenerOptions = {
  database: VigilDatabase;
  sources: readonly SyslogSource[];
  host: string;
  /** null: no UDP listener; 0: a free port. */
  udpPort: number | null;
  /** null: no TCP listener; 0: a free port. */
  tcpPort: number | null;
  maxFrameBytes?: number;
  /** Messages waiting for storage before TCP is paused and UDP dropped. */
  maxPending?: number;
  /** How long a message may wait for others to share its commit. */
  batchWaitMs?: number;
  maxConnections?: number;
  logger?: SyslogLogger;
};

const silent: SyslogLogger = { warn: () => undefined, error: () => undefined };

export class SyslogListener {
  readonly #intake: SyslogIntake;
  readonly #maxFrameBytes: number;
  readonly #sockets = new Set<Socket>();
  #udp: UdpSocket | undefined;
  #tcp: Server | undefined;
  #paused = false;

  private constructor(options: SyslogListenerOptions) {
    this.#maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    this.#intake = new SyslogIntake({
      database: options.database,
      sources: options.sources,
      maxPending: options.maxPending ?? 10_000,
      batchWaitMs: options.batchWaitMs ?? 5,
      logger: options.logger ?? silent,
      onDrained: () => {
        this.#resume();
      },
    });
  }

  /** Binds the configured ports; resolves once both are listening. */
  static async start(options: SyslogListenerOptions): Promise<SyslogListener> {
    const listener = new SyslogListener(options);
    try {
      if (options.udpPort !== null) await listener.#listenUdp(options.host, options.udpPort);
      if (options.tcpPort !== null)
        await listener.#listenTcp(options.host, options.tcpPort, options.maxConnections ?? 256);
    } catch (error) {
      await listener.close();
      throw error;
    }
    return listener;
  }

  /** Counts since start, and the first malformed messages' reasons. */
  get stats(): SyslogStats {
    return this.#intake.stats;
  }

  /** Where each transport listens (the real port when 0 was asked for). */
  addresses(): { udp?: AddressInfo; tcp?: AddressInfo } {
    const tcp = this.#tcp?.address();
    return {
      ...(this.#udp ? { udp: this.#udp.address() } : {}),
      ...(tcp && typeof tcp === "object" ? { tcp } : {}),
    };
  }

  /** Stops listening, closes connections and commits the messages already received. */
  async close(): Promise<void> {
    const udp = this.#udp;
    this.#udp = undefined;
    if (udp)
      await new Promise<void>((resolve) =>
        udp.close(() => {
          resolve();
        }),
      );
    const tcp = this.#tcp;
    this.#tcp = undefined;
    for (const socket of this.#sockets) socket.destroy();
    if (tcp)
      await new Promise<void>((resolve) =>
        tcp.close(() => {
          resolve();
        }),
      );
    await this.#intake.close();
  }

  #listenUdp(host: string, port: number): Promise<void> {
    const udp = createSocket(isIPv6(host) ? "udp6" : "udp4");
    this.#udp = udp;
    udp.on("message", (message, remote) => {
      if (message.length > this.#maxFrameBytes) {
        this.#intake.reject(remote.address, this.#oversized(message.length));
      } else if (this.#intake.isFull) {
        this.#intake.stats.dropped++; // see the header: UDP cannot be slowed, only dropped
      } else {
        this.#intake.receive(message.toString("utf8"), remote.address);
      }
    });
    return new Promise((resolve, reject) => {
      udp.once("error", reject);
      udp.bind({ port, address: host }, () => {
        udp.off("error", reject);
        udp.on("error", () => undefined); // a bound UDP socket's errors are per-datagram
        resolve();
      });
    });
  }

  #listenTcp(host: string, port: number, maxConnections: number): Promise<void> {
    const tcp = createServer((socket) => {
      this.#accept(socket);
    });
    tcp.maxConnections = maxConnections;
    this.#tcp = tcp;
    return new Promise((resolve, reject) => {
      tcp.once("error", reject);
      tcp.listen({ port, host }, () => {
        tcp.off("error", reject);
        resolve();
      });
    });
  }

  #accept(socket: Socket): void {
    const address = socket.remoteAddress ?? "unknown";
    const splitter = createFrameSplitter({ maxFrameBytes: this.#maxFrameBytes });
    this.#sockets.add(socket);
    if (this.#paused) socket.pause();
    const take = (pieces: ReturnType<typeof splitter.push>) => {
      for (const piece of pieces) {
        if (piece.kind === "framing-error") this.#intake.stats.framingErrors++;
        else if (piece.truncated) this.#intake.reject(address, this.#oversized(piece.byteLength));
        else this.#intake.receive(piece.text, address);
      }
      // The frames of this one chunk may pass the bound; none are read after it until drained.
      if (this.#intake.isFull) this.#pause();
    };
    socket.on("data", (chunk: Buffer) => {
      take(splitter.push(chunk));
    });
    socket.on("end", () => {
      take(splitter.end());
    });
    socket.on("error", () => undefined); // a reset connection ends like a closed one
    socket.on("close", () => {
      this.#sockets.delete(socket);
    });
  }

  #oversized(bytes: number): string {
    return `frame of ${bytes} bytes is over the ${this.#maxFrameBytes}-byte limit`;
  }

  #pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    for (const socket of this.#sockets) socket.pause();
  }

  #resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    for (const socket of this.#sockets) socket.resume();
  }
}
