/**
 * The CLI's error policy (docs/ARCHITECTURE.md, "Error policy"): exit 0 = ok, 1 = a check failed,
 * 2 = the command could not run as asked (bad arguments, a missing file, a busy port). Every
 * error a user can cause is one line on stderr; the stack trace only with --debug.
 */
export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;

/** The command was asked for something it cannot do; exit 2 with one line (and which help to read). */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The subcommand whose `--help` explains the fix. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

type SystemError = Error & { code?: string; port?: number; address?: string; path?: string; syscall?: string; cause?: unknown };

/** The innermost cause: `fetch failed` hides the reason (ECONNREFUSED, ENOTFOUND) in `cause`. */
export const rootCause = (err: unknown): SystemError => {
  let current = err as SystemError;
  for (let depth = 0; depth < 5 && current?.cause instanceof Error; depth += 1) current = current.cause as SystemError;
  return current;
};

/**
 * One line a person can act on, for the errors the harness meets in normal use (ports, files,
 * connections); anything else keeps its own message.
 */
export const describeError = (err: unknown): string => {
  const cause = rootCause(err);
  const where = cause.address !== undefined && cause.port !== undefined ? `${cause.address}:${cause.port}` : undefined;
  switch (cause?.code) {
    case 'EADDRINUSE':
      return `port ${cause.port} on 127.0.0.1 is already in use; choose another --port (0 picks a free one)`;
    case 'EACCES':
      return cause.syscall === 'listen'
        ? `not allowed to listen on port ${cause.port}; use a port above 1023`
        : `permission denied: ${cause.path ?? cause.message}`;
    case 'ECONNREFUSED':
      return `connection refused by ${where ?? 'the server'} (nothing is listening there)`;
    case 'ENOTFOUND':
      return `cannot resolve host ${(cause as SystemError & { hostname?: string }).hostname ?? ''}`.trim();
    case 'ECONNRESET':
      return `the connection to ${where ?? 'the server'} was reset`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `timed out connecting to ${where ?? 'the server'}`;
    case 'ENOENT':
      return `no such file or directory: ${cause.path ?? cause.message}`;
    default:
      // undici refuses the ports browsers block (9, 25, 6000, …) with just "bad port".
      if (cause?.message === 'bad port') return 'fetch refuses that port (one browsers block, e.g. 9 or 25); use another';
      return cause?.message ?? String(err);
  }
};

/** True for the errors `describeError` explains as a wrong argument (a busy port, a missing path). */
export const isArgumentProblem = (err: unknown): boolean => ['EADDRINUSE', 'EACCES', 'ENOENT'].includes(rootCause(err)?.code ?? '');
