/** Limits shared by the server, the console's forms and the CLI, so they never disagree. */
export const limits = {
  nameMaxLength: 200,
  emailMaxLength: 254,
} as const;

/** Password length bounds (here, not in identity/password.ts, so the browser bundle needs no argon2). */
export const passwordMinLength = 12;
export const passwordMaxLength = 256;
