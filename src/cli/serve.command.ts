/**
 * `vigil serve`: migrate, listen, print the console address (and the one-time setup link on a
 * new instance), and shut down gracefully on SIGTERM or SIGINT: stop accepting, let requests in
 * flight finish, close the database.
 */
import type { Command } from "commander";
import { LocalEventQueue } from "../capture/events/event-queue.js";
import { PipelineWorker } from "../capture/pipeline/pipeline-worker.js";
import type { SyslogLogger } from "../capture/syslog/syslog-intake.js";
import { SyslogListener } from "../capture/syslog/syslog-listener.js";
import { prepareSyslogSources } from "../capture/syslog/syslog-sources.js";
import type { VigilDatabase } from "../db/open-database.js";
import { backgroundScheduler } from "../background/background-scheduler.js";
import { openEvidenceStore } from "../evidence/evidence-store.js";
import { urlLookupFor } from "../library/shipped-url-lookup.js";
import type { Config } from "../platform/config/settings.js";
import { createServer } from "../platform/http/create-server.js";
import { isSetupComplete, issueSetupToken } from "../setup/setup-state.js";
import { openConfiguredDatabase } from "./open-configured-database.js";
import { resolveSchool } from "./resolve-school.js";

/** Adds the `serve` command. */
export function addServeCommand(program: Command): void {
  program
    .command("serve")
    .description("Start the Vigil server (what `npm start` runs)")
    .action(async () => {
      const { config, database } = await openConfiguredDatabase();
      // A missing or wrong evidence key stops start-up here, before anything could be stored.
      await openEvidenceStore(database.db, config).catch(async (error: unknown) => {
        await database.close();
        throw error;
      });
      const app = await createServer({ config, database });
      await app.listen({ port: config.port, host: config.host });
      const pipeline = new PipelineWorker(database, new LocalEventQueue(database), {
        // Lists a school imported with `vigil url-lists import` replace the shipped ones.
        lookup: urlLookupFor(config.dataDir),
        onError: (error) => {
          app.log.error({ err: error }, "detection pipeline batch failed; retrying");
        },
      });
      pipeline.start();
      // Routing, escalation deadlines, deliveries, digests and retention: the local job queue.
      const jobs = backgroundScheduler(database, {
        config,
        onError: (error) => {
          app.log.error({ err: error }, "background jobs pass failed; retrying");
        },
      });
      jobs.start();
      const syslog = await startSyslog(config, database, app.log).catch(async (error: unknown) => {
        // A port in use or a bad source must not leave the server running half-configured.
        await Promise.all([app.close(), pipeline.stop(), jobs.stop()]);
        await database.close();
        throw error;
      });
      const address = app.server.address();
      const port = typeof address === "object" && address ? address.port : config.port;
      const publicUrl = config.publicUrl.replace(`:${config.port}`, `:${port}`);
      const lines = [
        ``,
        `Vigil is running on ${database.capabilities.engine} (${database.displayUrl}).`,
        `Console: ${publicUrl}/`,
      ];
      const { udp, tcp } = syslog?.addresses() ?? {};
      if (udp) lines.push(`Syslog: udp ${udp.address}:${udp.port}`);
      if (tcp) lines.push(`Syslog: tcp ${tcp.address}:${tcp.port}`);
      if (!(await isSetupComplete(database.db))) {
        const token = await issueSetupToken(database.db);
        lines.push(`Finish setting up in your browser (one-time link): ${publicUrl}/setup?token=${token}`);
        lines.push(`Or on this server: npx vigil setup --help`);
      }
      process.stdout.write(`${lines.join("\n")}\n\n`);

      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        app.log.info({ signal }, "shutting down: no new requests, finishing those in flight");
        const timer = setTimeout(() => {
          app.log.error("shutdown timed out; exiting");
          process.exit(1);
        }, config.shutdownTimeoutSeconds * 1000);
        timer.unref();
        // Requests and syslog first (their events are committed on close), then detection, then storage.
        void Promise.all([app.close(), syslog?.close()])
          .then(() => Promise.all([pipeline.stop(), jobs.stop()]))
          .then(() => database.close())
          .then(() => process.exit(0));
      };
      process.once("SIGTERM", () => {
        stop("SIGTERM");
      });
      process.once("SIGINT", () => {
        stop("SIGINT");
      });
    });
}

/** The syslog listener when a syslog port is set; sources are checked before anything binds. */
async function startSyslog(
  config: Config,
  database: VigilDatabase,
  logger: SyslogLogger,
): Promise<SyslogListener | undefined> {
  if (config.syslogUdpPort === null && config.syslogTcpPort === null) return undefined;
  const sources = await prepareSyslogSources(config.syslogSources, (school) =>
    resolveSchool(database.db, school),
  );
  return SyslogListener.start({
    database,
    sources,
    host: config.syslogHost,
    udpPort: config.syslogUdpPort,
    tcpPort: config.syslogTcpPort,
    logger,
  });
}
