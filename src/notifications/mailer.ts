/** Sends email through SMTP with nodemailer; the transport is made once, on first use. */
import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../platform/config/settings.js";

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export interface SmtpSettings {
  /** null: email is not set up, and sending fails with a message that says so. */
  host: string | null;
  port: number;
  secure: boolean;
  from: string;
  user: string | null;
  password: string | null;
}

/** The SMTP settings from the configuration. */
export function smtpSettingsOf(config: Config): SmtpSettings {
  return {
    host: config.smtpHost,
    port: config.smtpPort,
    secure: config.smtpSecure,
    from: config.smtpFrom,
    user: config.smtpUser,
    password: config.smtpPassword,
  };
}

/** A mailer over SMTP. */
export function smtpMailer(settings: SmtpSettings): Mailer {
  let transport: Transporter | undefined;
  return {
    async send(message) {
      if (!settings.host) {
        throw new Error(
          "Email is not set up: set VIGIL_SMTP_HOST (and VIGIL_SMTP_FROM) to send notifications.",
        );
      }
      transport ??= nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      });
      await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
  };
}
