/** Checks that a file is what its declared type says, by its first bytes (magic numbers). */
import { AppError } from "../platform/errors/app-error.js";

const signatures: Record<string, (bytes: Buffer) => boolean> = {
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/jpeg": (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/gif": (b) => ["GIF87a", "GIF89a"].includes(b.subarray(0, 6).toString("latin1")),
  "image/webp": (b) =>
    b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  "application/pdf": (b) => b.subarray(0, 5).toString("latin1") === "%PDF-",
  "text/plain": (b) => !b.includes(0) && isUtf8(b),
};

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Throws `validation_failed` unless `bytes` is a `mediaType` file within `maxBytes`. */
export function checkEvidenceFile(bytes: Buffer, mediaType: string, maxBytes: number): void {
  if (bytes.length > maxBytes) {
    throw new AppError("payload_too_large", `The file is ${bytes.length} bytes; the limit is ${maxBytes}.`, {
      hint: "Crop the screenshot or send a smaller file; the limit is VIGIL_EVIDENCE_MAX_BYTES.",
    });
  }
  const matches = signatures[mediaType];
  if (!matches) {
    throw new AppError("validation_failed", `Vigil does not accept ${mediaType} evidence.`, {
      fields: [{ path: "mediaType", message: `one of ${Object.keys(signatures).join(", ")}` }],
    });
  }
  if (!matches(bytes)) {
    throw new AppError(
      "validation_failed",
      `The file is not a ${mediaType} file: its contents do not match its type.`,
      {
        fields: [{ path: "contentBase64", message: `not a ${mediaType} file` }],
        hint: "Send the original file, and give the type it really is.",
      },
    );
  }
}
