import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Parses a command's options; a usage mistake comes back as a message, never a stack trace. */
export function parseCommand<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = false) {
  try {
    return { ok: true as const, ...parseArgs({ args, options, allowPositionals, strict: true }) };
  } catch (error) {
    return { ok: false as const, message: (error as Error).message };
  }
}
