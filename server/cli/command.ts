/** What every CLI command gets: where to write. Logs and messages go to stderr, data to stdout. */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A command takes its own arguments and returns the process exit code. */
export type Command = (args: string[], ctx: CliContext) => Promise<number>;

/** Exit codes promised in docs/interfaces.md. */
export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;
