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

/** What a file-system error means to the person running the command, by errno code. */
const FILE_ERROR_MEANINGS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EISDIR: 'a folder is where a file must be',
  ENOTDIR: 'a file is where a folder must be',
  EEXIST: 'something else already exists there',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * The one line for a file-system error that reached the top of a command (the output folder
 * cannot be written, the disk is full): the machine's trouble, not a bug of emr2k8s, so it is
 * told as such instead of as an internal error. Undefined for any other error.
 */
export function fileSystemErrorLine(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  const meaning = code === undefined ? undefined : FILE_ERROR_MEANINGS[code];
  if (meaning === undefined || syscall === undefined) return undefined;
  return `${path ?? 'a file'}: ${meaning} (${code} on ${syscall}) (hint: check the permissions and free space of the output folder, or choose another with --out)`;
}
