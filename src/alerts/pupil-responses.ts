/**
 * What the agent may show a pupil straight away when their words or visit raised an alert in a
 * category of concern: short, kind, and pointing to help that is free and confidential. The
 * numbers are UK services (checked 2026); keep them few and accurate rather than many.
 */
import type { Category } from "../detection/index.js";

export interface PupilResponse {
  category: Category;
  message: string;
  helplines: { name: string; contact: string }[];
}

const childline = { name: "Childline", contact: "0800 1111 (free, any time) or childline.org.uk" };
const samaritans = { name: "Samaritans", contact: "116 123 (free, any time)" };
const shout = { name: "Shout", contact: "text SHOUT to 85258 (free, any time)" };

/** Categories that get no message: they are about rules and filtering, not a pupil's wellbeing. */
export const categoriesWithoutResponse: readonly Category[] = ["adult", "proxy-hacking", "profanity"];

/** One message per category of concern. */
export const pupilResponses: readonly PupilResponse[] = [
  {
    category: "self-harm",
    message:
      "It sounds like things might be really hard right now. You don't have to deal with this alone: talking to someone can help.",
    helplines: [childline, samaritans, shout],
  },
  {
    category: "distress",
    message:
      "If you're feeling low or worried, you can talk to someone you trust, or to people who are there to listen.",
    helplines: [childline, shout],
  },
  {
    category: "bullying",
    message: "Nobody deserves to be bullied. Telling a teacher or an adult you trust can help make it stop.",
    helplines: [childline],
  },
  {
    category: "sexual",
    message:
      "If someone online is making you feel uncomfortable or asking for things you don't want to do, it's not your fault. Tell an adult you trust.",
    helplines: [childline, { name: "CEOP", contact: "ceop.police.uk to report online abuse" }],
  },
  {
    category: "extremism",
    message:
      "If something you've seen online is worrying you or pulling you in, talk it through with an adult you trust.",
    helplines: [childline],
  },
  {
    category: "violence",
    message:
      "If you or someone else is in danger right now, call 999. If something is worrying you, talk to an adult you trust.",
    helplines: [childline],
  },
  {
    category: "drugs",
    message: "If you have questions about drugs, you can get honest, confidential information.",
    helplines: [{ name: "FRANK", contact: "0300 123 6600 or talktofrank.com" }, childline],
  },
  {
    category: "gambling",
    message: "If gambling is worrying you or someone you know, free and confidential help is there.",
    helplines: [{ name: "National Gambling Helpline", contact: "0808 8020 133 (free, any time)" }, childline],
  },
  {
    category: "hate",
    message: "Hate online hurts. If you've been targeted, it's not your fault: tell an adult you trust.",
    helplines: [childline, { name: "True Vision", contact: "report-it.org.uk to report hate crime" }],
  },
];

/** The message for the first of `categories` in this list's order (most urgent first), if any. */
export function responseFor(categories: readonly string[]): PupilResponse | null {
  return pupilResponses.find((response) => categories.includes(response.category)) ?? null;
}
