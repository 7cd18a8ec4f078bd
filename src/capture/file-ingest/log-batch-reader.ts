/**
 * The main thread's side of the reading worker (`log-batch.worker.ts`): asks for the next batch
 * of parsed lines, one request at a time, so that `vigil ingest` can ask for batch N+1 before it
 * stores batch N and both cores work at once.
 */
import type { Worker } from "node:worker_threads";
import type { ParserOptions } from "../parsers/parser-options.js";
import { startModuleWorker } from "../../platform/workers/start-module-worker.js";
import type { ParsedLines } from "./parse-log-batch.js";

/** Parser options that can cross to the worker's thread: a reference time is a date, not a function. */
export type WorkerParserOptions = ParserOptions & { referenceTime?: Date };

/** What the worker is started with; every field crosses a thread, so none is a function. */
export interface LogBatchWorkerData {
  path: string;
  /** Byte offset of the first line to read, and the line number before it. */
  offset: number;
  lineNumber: number;
  format: string;
  parserOptions: WorkerParserOptions;
  schoolId: string;
  source: string;
}

/** A batch of lines read and parsed, with where it lies in the file. */
export interface LogBatch extends ParsedLines {
  /** Lines read: rows, skipped and malformed (0 when no complete line was waiting). */
  lines: number;
  /** Byte offset of the first line, and just after the last (the next batch's start). */
  start: number;
  end: number;
  /** The line number of the last line read. */
  lineNumber: number;
  firstHash: string;
  path: string;
  inode: string;
}

export type LogBatchRequest = { kind: "read"; max: number; final: boolean } | { kind: "reopen" };
export type LogBatchReply = { ok: true; batch: LogBatch | null } | { ok: false; message: string };

export class LogBatchReader {
  readonly #worker: Worker;
  #waiting: { resolve: (reply: LogBatch | null) => void; reject: (error: Error) => void } | null = null;
  #failure: Error | null = null;

  constructor(data: LogBatchWorkerData) {
    this.#worker = startModuleWorker(import.meta.url, "log-batch.worker", data);
    this.#worker.on("message", (reply: LogBatchReply) => {
      const waiting = this.#take();
      if (reply.ok) waiting?.resolve(reply.batch);
      else waiting?.reject(new Error(reply.message));
    });
    this.#worker.on("error", (error) => {
      this.#fail(error);
    });
    this.#worker.on("exit", () => {
      this.#fail(new Error("The log reading worker stopped."));
    });
  }

  /** The next batch of at most `max` lines; with `final`, a last line without a newline counts. */
  async read(max: number, final: boolean): Promise<LogBatch> {
    const batch = await this.#ask({ kind: "read", max, final });
    if (!batch) throw new Error("The log reading worker answered a read with no batch.");
    return batch;
  }

  /** Reads the file at the path again from its start (it was rotated or truncated). */
  async reopen(): Promise<void> {
    await this.#ask({ kind: "reopen" });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }

  #ask(request: LogBatchRequest): Promise<LogBatch | null> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#waiting) return Promise.reject(new Error("One log batch request at a time."));
    const answer = new Promise<LogBatch | null>((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
    // A batch asked for ahead is abandoned when storing fails: its rejection is not an error.
    answer.catch(() => undefined);
    this.#worker.postMessage(request);
    return answer;
  }

  #take() {
    const waiting = this.#waiting;
    this.#waiting = null;
    return waiting;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#take()?.reject(this.#failure);
  }
}
