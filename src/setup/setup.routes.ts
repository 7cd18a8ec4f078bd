/**
 * The setup page and its API. The page is plain HTML so that it works before anything else is
 * built; it posts JSON to `/api/v1/setup` and shows each field's error next to the field.
 */
import type { FastifyInstance } from "fastify";
import { SetupSubmissionSchema } from "../contracts/setup.contract.js";
import { AppError } from "../platform/errors/app-error.js";
import type { AppServices } from "../platform/http/app-services.js";
import { parseInput } from "../platform/http/parse-input.js";
import { completeSetup } from "./complete-setup.js";
import { renderSetupPage } from "./setup-page.js";
import { isSetupComplete, isSetupTokenValid } from "./setup-state.js";

/** Registers GET /setup, GET /api/v1/setup/status and POST /api/v1/setup. */
export function registerSetupRoutes(app: FastifyInstance, services: AppServices): void {
  const { db } = services.database;

  app.get("/setup", async (_request, reply) => {
    const page = renderSetupPage({
      complete: await isSetupComplete(db),
      publicUrl: services.config.publicUrl,
    });
    return reply.type("text/html; charset=utf-8").send(page);
  });

  app.get("/api/v1/setup/status", async () => ({ complete: await isSetupComplete(db) }));

  app.post("/api/v1/setup", async (request, reply) => {
    const submission = parseInput(SetupSubmissionSchema, request.body, "The setup form");
    if (await isSetupComplete(db)) {
      throw new AppError("setup_already_complete", "Vigil is already set up.", {
        hint: "Sign in with the administrator account created at setup.",
      });
    }
    if (!(await isSetupTokenValid(db, submission.token))) {
      throw new AppError(
        "setup_token_invalid",
        "This setup link is not valid (it may have been replaced by a newer one).",
        {
          hint: "Use the newest link printed by `npm start`, or run `npx vigil setup` on the server.",
        },
      );
    }
    const { token: _token, ...input } = submission;
    const result = await completeSetup(services.database, request.context, input);
    return reply.status(201).send({ ...result, next: `${services.config.publicUrl}/` });
  });
}
