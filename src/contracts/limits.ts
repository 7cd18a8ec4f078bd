/** Limits shared by the server, the console's forms and the CLI, so they never disagree. */
export const limits = {
  nameMaxLength: 200,
  emailMaxLength: 254,
} as const;
