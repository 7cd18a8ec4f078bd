/**
 * Reads a log file line by line from a byte offset, knowing the offset of every line, so a
 * checkpoint can name the exact byte after the last line stored. Only complete lines (ending in
 * a newline) are returned until the caller says the file is finished.
 */
import { createHash } from "node:crypto";
import { open, type FileHandle } from "node:fs/promises";

const chunkBytes = 1024 * 1024;
/** A line longer than this is cut into pieces rather than held in memory whole. */
const maxLineBytes = 1024 * 1024;
const firstLineProbeBytes = 64 * 1024;

export interface LogLine {
  text: string;
  /** Byte offset of the line's first byte. */
  start: number;
  /** Byte offset just after its newline. */
  end: number;
}

export class LogFileCursor {
  readonly path: string;
  readonly inode: string;
  readonly #file: FileHandle;
  #offset: number;
  #pending: Buffer = Buffer.alloc(0);
  readonly #chunk = Buffer.allocUnsafe(chunkBytes);

  private constructor(path: string, file: FileHandle, inode: string, offset: number) {
    this.path = path;
    this.#file = file;
    this.inode = inode;
    this.#offset = offset;
  }

  /** Opens `path` to read from `offset`. */
  static async open(path: string, offset = 0): Promise<LogFileCursor> {
    const file = await open(path, "r");
    const stats = await file.stat({ bigint: true });
    return new LogFileCursor(path, file, String(stats.ino), offset);
  }

  /** Where the next unread line starts. */
  get position(): number {
    return this.#offset - this.#pending.length;
  }

  /** The file's size now. */
  async size(): Promise<number> {
    return (await this.#file.stat()).size;
  }

  /**
   * Up to `max` further lines; an empty list when no complete line is waiting. With `final`, a
   * last line without a newline counts as a line (the file is complete).
   */
  async readLines(max: number, final = false): Promise<LogLine[]> {
    const lines: LogLine[] = [];
    for (;;) {
      let from = 0;
      let lineStart = this.position;
      for (;;) {
        if (lines.length >= max) break;
        const newline = this.#pending.indexOf(10, from);
        const cutAt =
          newline === -1 && this.#pending.length - from >= maxLineBytes ? from + maxLineBytes : -1;
        const stop = newline !== -1 ? newline : cutAt;
        if (stop === -1) break;
        const next = newline !== -1 ? newline + 1 : cutAt;
        lines.push({
          text: this.#pending.toString("utf8", from, stop),
          start: lineStart,
          end: lineStart + next - from,
        });
        lineStart += next - from;
        from = next;
      }
      this.#pending = this.#pending.subarray(from);
      if (lines.length >= max) return lines;
      const { bytesRead } = await this.#file.read(this.#chunk, 0, chunkBytes, this.#offset);
      if (bytesRead === 0) break;
      this.#offset += bytesRead;
      this.#pending = Buffer.concat([this.#pending, this.#chunk.subarray(0, bytesRead)]);
    }
    if (final && this.#pending.length > 0) {
      const start = this.position;
      lines.push({ text: this.#pending.toString("utf8"), start, end: start + this.#pending.length });
      this.#pending = Buffer.alloc(0);
    }
    return lines;
  }

  /** SHA-256 of the first line (null while the file has no complete first line). */
  async firstLineHash(final = false): Promise<string | null> {
    const probe = Buffer.alloc(firstLineProbeBytes);
    const { bytesRead } = await this.#file.read(probe, 0, firstLineProbeBytes, 0);
    const newline = probe.subarray(0, bytesRead).indexOf(10);
    if (bytesRead === 0 || (newline === -1 && !final && bytesRead < firstLineProbeBytes)) return null;
    const end = newline === -1 ? bytesRead : newline;
    return createHash("sha256").update(probe.subarray(0, end)).digest("hex");
  }

  async close(): Promise<void> {
    await this.#file.close();
  }
}
