/** Vigil's one entry point: every role (serve, ingest, scan...) is a `vigil` command. */
import { runCli } from "./cli/main.js";

await runCli(process.argv);
