import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadLibrary, createDetector } from "./src/detection/index.js";
const root = "library/phrases";
const files = readdirSync(root).flatMap((l) => readdirSync(join(root, l)).map((f) => ({ path: join(root, l, f), text: readFileSync(join(root, l, f), "utf8") })));
const { library } = loadLibrary(files);
let t = performance.now();
const d = createDetector(library);
console.log("rules", library.rules.length, "build ms", (performance.now() - t).toFixed(0));
// english-like text
const vocab = "the of and to a in is you that it he was for on are as with his they i at be this have from or one had by word but not what all were we when your can said there use an each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people my than first water been call who oil its now find long down day did get come made may part".split(" ");
let seed = 42; const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const parts: string[] = [];
let size = 0;
while (size < 10_000_000) { const w = vocab[Math.floor(Math.pow(rnd(), 2) * vocab.length)]!; const sep = rnd() < 0.08 ? ". " : rnd() < 0.05 ? ", " : " "; const word = rnd() < 0.05 ? w[0]!.toUpperCase() + w.slice(1) : w; parts.push(word + sep); size += word.length + sep.length; if (rnd() < 0.0005) parts.push("i want to kill myself "); }
const text = parts.join("");
for (let r = 0; r < 3; r++) { t = performance.now(); const res = d.scan(text); const ms = performance.now() - t; console.log("MB/s", (text.length / 1e6 / (ms / 1000)).toFixed(1), "matches", res.matches.length); }
const events: string[] = []; for (let i = 0; i < 2000; i++) { const at = Math.floor(rnd() * (text.length - 300)); events.push(text.slice(at, at + 200)); }
for (let r = 0; r < 3; r++) { t = performance.now(); let n = 0; for (let k = 0; k < 10; k++) for (const e of events) { d.scan(e); n++; } console.log("µs/event", ((performance.now() - t) * 1000 / n).toFixed(2)); }
const comp = (d as unknown as { library: unknown });
void comp;
import { planChunks } from "./src/detection/plan-chunks.js";
import { scanChunk } from "./src/detection/scan-chunk.js";
import { compileLibrary } from "./src/detection/detector.js";
import { createFoldBuffer } from "./src/detection/fold-buffer.js";
import { createHitBuffer } from "./src/detection/automaton-scan.js";
import { foldStrict } from "./src/detection/fold-strict.js";
import { runAutomaton } from "./src/detection/automaton-scan.js";
const compiled = compileLibrary(library);
import { createScratch } from "./src/detection/scan-chunk.js";
const scratch = createScratch(library.rules.length); const hb = createHitBuffer();
let terms = 0; let strictHits = 0;
t = performance.now();
for (const c of planChunks(text)) { const h = scanChunk(text, c, compiled, scratch); terms += h.terms.length; }
console.log("scanChunk only MB/s", (text.length / 1e6 / ((performance.now() - t) / 1000)).toFixed(1), "terms", terms);
t = performance.now();
for (const c of planChunks(text)) { foldStrict(text, c.from, c.to, c.padStart, c.padEnd, scratch.strict); }
console.log("fold only MB/s", (text.length / 1e6 / ((performance.now() - t) / 1000)).toFixed(1));
t = performance.now();
for (const c of planChunks(text)) { foldStrict(text, c.from, c.to, c.padStart, c.padEnd, scratch.strict); hb.count = 0; runAutomaton(compiled.strict.latin!.automaton, scratch.strict.symbols, 0, scratch.strict.length, hb); strictHits += hb.count; }
console.log("fold+dfa MB/s", (text.length / 1e6 / ((performance.now() - t) / 1000)).toFixed(1), "hits", strictHits, "states", compiled.strict.latin!.automaton.stateCount, "classes", compiled.strict.latin!.automaton.classCount, "agg states", compiled.aggressive.latin!.automaton.stateCount);
