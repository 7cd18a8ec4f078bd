/**
 * Starts a `worker_threads` worker from a module beside the caller, written as TypeScript like
 * every other module: compiled (`dist/`, what `vigil` runs) it is the `.js` file; run from the
 * sources (`tsx`, `vitest`) it is the `.ts` file, loaded through tsx, which a worker does not
 * inherit from the thread that starts it.
 */
import { Worker } from "node:worker_threads";

/**
 * A worker running `name` (no extension) from the folder of `callerUrl` (the caller's
 * `import.meta.url`), given `workerData`.
 */
export function startModuleWorker(callerUrl: string, name: string, workerData: unknown): Worker {
  if (callerUrl.endsWith(".js")) return new Worker(new URL(`./${name}.js`, callerUrl), { workerData });
  const source = new URL(`./${name}.ts`, callerUrl).href;
  // tsx is a development dependency: only the sources need it, and they are run with it.
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
