/** A bad flag, value or scenario line: the CLI prints the message as one line and exits with status 2. */
export class UsageError extends Error {}
