import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadLibrary, createDetector } from "./src/detection/index.js";
const root = "library/phrases";
const files = readdirSync(root).flatMap((l) => readdirSync(join(root, l)).map((f) => ({ path: join(root, l, f), text: readFileSync(join(root, l, f), "utf8") })));
const { library } = loadLibrary(files);
const d = createDetector(library);
const vocab = "the of and to a in is you that it he was for on are as with his they i at be this have from or one had by word but not what all were we when your can said there use an each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people my than first water been call who oil its now find long down day did get come made may part".split(" ");
let seed = 42; const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const events: string[] = [];
for (let i = 0; i < 2000; i++) { let s = ""; while (s.length < 200) s += vocab[Math.floor(Math.pow(rnd(), 2) * vocab.length)] + " "; events.push(s); }
let t = performance.now(); let n = 0;
for (let k = 0; k < 30; k++) for (const e of events) { d.scan(e); n++; }
console.log("µs/event", ((performance.now() - t) * 1000 / n).toFixed(2));
const m = d.match(events[0]!); console.log(events[0], m.length);
