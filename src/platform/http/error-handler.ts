/**
 * Turns every thrown error into `{ error: { id, message, ... } }` with the right status. Named
 * errors keep their message; anything unexpected is logged in full and answered as
 * `internal_error` with the request id, so internals never reach the client.
 */
import type { FastifyError, FastifyInstance } from "fastify";
import { ZodError } from "zod";
import { AppError, validationError } from "../errors/app-error.js";

export interface ErrorBody {
  error: {
    id: string;
    message: string;
    hint?: string;
    fields?: { path: string; message: string }[];
    requestId: string;
  };
}

/** Installs the error and not-found handlers. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const appError = toAppError(error);
    if (appError.id === "internal_error") request.log.error({ err: error }, "request failed");
    const body: ErrorBody = {
      error: { id: appError.id, message: appError.message, ...appError.details, requestId: request.id },
    };
    return reply.status(appError.status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: {
        id: "not_found",
        message: `Nothing is at ${request.method} ${request.url}.`,
        requestId: request.id,
      },
    };
    return reply.status(404).send(body);
  });
}

function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(error.issues);
  const status = "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : 500;
  if (status === 413) return new AppError("payload_too_large", "The request body is too large.");
  if (status === 415 || (status === 400 && "code" in error && error.code.startsWith("FST_ERR_CTP"))) {
    return new AppError("validation_failed", `The request body could not be read: ${error.message}`);
  }
  if (status >= 400 && status < 500) return new AppError("validation_failed", error.message);
  return new AppError("internal_error", "Something went wrong on the server. It has been logged.", {
    hint: "Try again; if it keeps happening, give the request id to your administrator.",
  });
}
