/**
 * Loading shipped or downloaded list bundles from bytes. The caller does the reading (fs in
 * Node, `fetch` of an extension resource in the browser), so this stays free of I/O; gzip is
 * undone with the standard `DecompressionStream`, present in Node 18+ and every current browser.
 */
import { parseUrlListBundle } from "./list-bundle.js";
import { buildUrlLookup, type UrlListInput, type UrlLookup } from "./url-lookup.js";
import { UrlListFormatError } from "./url-list-error.js";

type GzipDecoder = new (format: "gzip") => TransformStream<Uint8Array, Uint8Array>;

/** One lookup from bundle files, gzipped or plain; later files add lists to earlier ones. */
export async function loadUrlLists(
  files: readonly Uint8Array[],
  extra: readonly UrlListInput[] = [],
): Promise<UrlLookup> {
  const texts = await Promise.all(files.map(async (file) => decodeText(await gunzipIfNeeded(file))));
  return loadUrlListsFromText(texts, extra);
}

/** As loadUrlLists, synchronously, for bundle text already decompressed (e.g. by zlib). */
export function loadUrlListsFromText(
  texts: readonly string[],
  extra: readonly UrlListInput[] = [],
): UrlLookup {
  return buildUrlLookup([...texts.flatMap(parseUrlListBundle), ...extra]);
}

/** `bytes` unzipped when they start with the gzip magic number, else as they are. */
export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const Decoder = (globalThis as { DecompressionStream?: GzipDecoder }).DecompressionStream;
  if (!Decoder)
    throw new UrlListFormatError("This runtime has no DecompressionStream; gunzip the lists first");
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new Decoder("gzip"));
  try {
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw new UrlListFormatError("URL list file is not valid gzip");
  }
}

function decodeText(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}
