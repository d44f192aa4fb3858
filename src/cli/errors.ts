/**
 * Exit codes of the command-line contract (DESIGN §5, docs/cli.md).
 * `diff` uses 0 same, 1 different, 2 trouble.
 */
export const EXIT = {
  ok: 0,
  /** Done, but some input could not be converted, a check failed, or `--check` found drift. */
  incomplete: 1,
  /** The command could not run: usage, no readable input, internal error. */
  failed: 2,
  interrupted: 130,
  /** stdout was closed by its reader (`| head`): 128 + SIGPIPE, as the shell reports such tools. */
  brokenPipe: 141,
} as const;

/**
 * An error the user can fix: printed as one line (no stack trace) and exit code 2.
 * `where` is the file and position, `hint` what to do.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
