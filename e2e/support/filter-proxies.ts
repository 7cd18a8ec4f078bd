/**
 * Debian's real Squid and e2guardian, started on loopback for integration tests: Squid in front of
 * a local web server with proxy authentication (any password), and e2guardian in front of Squid
 * with its stock configuration, its paths moved into a scratch folder and a small blocked-site list.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, Socket, type AddressInfo } from "node:net";
import { join } from "node:path";

export const squidPath = "/usr/sbin/squid";
export const e2guardianPath = "/usr/sbin/e2guardian";
const stockE2guardianConfig = "/etc/e2guardian";
const fakeAuthHelper = "/usr/lib/squid/basic_fake_auth";

/** True when both filters are installed (Debian packages `squid` and `e2guardian`). */
export function filtersInstalled(): boolean {
  return [squidPath, e2guardianPath, stockE2guardianConfig, fakeAuthHelper].every((path) => existsSync(path));
}

export interface RunningProxy {
  port: number;
  logPath: string;
  stop(): Promise<void>;
}

/** A free loopback port (the filters cannot be told to pick one themselves). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return port;
}

/** Starts Squid (foreground) logging in its native format to `<folder>/squid-access.log`. */
export async function startSquid(folder: string): Promise<RunningProxy> {
  const port = await freePort();
  const logPath = join(folder, "squid-access.log");
  const configPath = join(folder, "squid.conf");
  writeFileSync(
    configPath,
    [
      `http_port 127.0.0.1:${port}`,
      `pid_filename ${join(folder, "squid.pid")}`,
      `access_log stdio:${logPath} squid`,
      `cache_log ${join(folder, "squid-cache.log")}`,
      "cache_store_log none",
      "cache deny all",
      `coredump_dir ${folder}`,
      `auth_param basic program ${fakeAuthHelper}`,
      "auth_param basic realm vigil-test",
      "acl authed proxy_auth REQUIRED",
      "http_access allow authed",
      "http_access deny all",
      "shutdown_lifetime 0 seconds",
      "pinger_enable off",
      "",
    ].join("\n"),
  );
  openToDroppedPrivileges(folder);
  const child = spawn(squidPath, ["-N", "-f", configPath], { stdio: ["ignore", "ignore", "pipe"] });
  await waitForPort(port, child, () => readIfExists(join(folder, "squid-cache.log")));
  return { port, logPath, stop: () => stopProcess(child) };
}

/**
 * Starts e2guardian with log format `logFormat` (1 native, 2 CSV, 3 Squid-style, 5-6 e2guardian 5),
 * proxy-basic authentication (the user name from the client's Proxy-Authorization header), Squid
 * on `upstreamPort` as its upstream, and `blockedSites` in its banned site list under `category`.
 */
export async function startE2guardian(
  folder: string,
  options: { logFormat: number; upstreamPort: number; blockedSites: string[]; category: string },
): Promise<RunningProxy> {
  const port = await freePort();
  const configFolder = join(folder, "e2guardian");
  const logPath = join(folder, `e2guardian-format-${options.logFormat}.log`);
  cpSync(stockE2guardianConfig, configFolder, { recursive: true });
  for (const file of filesUnder(configFolder)) {
    const text = readFileSync(file, "utf8");
    if (text.includes(stockE2guardianConfig)) {
      writeFileSync(file, text.replaceAll(stockE2guardianConfig, configFolder));
    }
  }
  const mainConfig = join(configFolder, "e2guardian.conf");
  const settings: Record<string, string> = {
    filterip: "127.0.0.1",
    filterports: String(port),
    // Its transparent HTTPS listener is on by default; give it a free port too.
    transparenthttpsport: String(await freePort()),
    proxyip: "127.0.0.1",
    proxyport: String(options.upstreamPort),
    logfileformat: String(options.logFormat),
    loglocation: `'${logPath}'`,
    pidfilename: `'${join(folder, `e2guardian-${options.logFormat}.pid`)}'`,
    httpworkers: "20",
    authplugin: `'${join(configFolder, "authplugins", "proxy-basic.conf")}'`,
  };
  writeFileSync(mainConfig, withSettings(readFileSync(mainConfig, "utf8"), settings));
  writeFileSync(
    join(configFolder, "lists", "bannedsitelist"),
    `#listcategory: "${options.category}"\n${options.blockedSites.join("\n")}\n`,
  );
  openToDroppedPrivileges(folder);
  let output = "";
  const child = spawn(e2guardianPath, ["-N", "-c", mainConfig], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(port, child, () => output);
  return { port, logPath, stop: () => stopProcess(child) };
}

/** Sets `key = value` lines, replacing a live or commented-out line, else appending. */
function withSettings(config: string, settings: Record<string, string>): string {
  let lines = config.split("\n");
  for (const [key, value] of Object.entries(settings)) {
    const pattern = new RegExp(`^#?\\s*${key}\\s*=`);
    const index = lines.findIndex((line) => pattern.test(line));
    if (index === -1) lines = [...lines, `${key} = ${value}`];
    else lines[index] = `${key} = ${value}`;
  }
  return lines.join("\n");
}

/** Both filters drop root privileges to their own users, who must still write their logs here. */
function openToDroppedPrivileges(folder: string): void {
  chmodSync(folder, 0o777);
  for (const file of filesUnder(folder)) chmodSync(file, 0o666);
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function readIfExists(path: string): string {
  return existsSync(path) ? readFileSync(path, "utf8") : "";
}

/** Resolves once the port accepts connections; fails with the process's own words if it exits. */
async function waitForPort(port: number, child: ChildProcess, diagnostics: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${child.spawnfile} exited with ${child.exitCode}: ${diagnostics()}`);
    }
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopProcess(child);
  throw new Error(`${child.spawnfile} did not listen on ${port} within 20 s: ${diagnostics()}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => {
      resolve(false);
    });
    socket.connect(port, "127.0.0.1");
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      resolve();
    }),
  );
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
