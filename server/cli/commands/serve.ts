import { NewerSchema } from '../../../db/schema.ts';
import { SettingsError } from '../../auth/oidc-settings.ts';
import { loadConfig } from '../../config.ts';
import { StartRefused, startServer } from '../../server.ts';
import { type Command, EXIT } from '../command.ts';
import { parseCommand } from '../parse.ts';

export const serveCommand: Command = async (args, ctx) => {
  const parsed = parseCommand(args, { port: { type: 'string' }, db: { type: 'string' } });
  if (!parsed.ok) {
    ctx.stderr(`${parsed.message}\nUsage: parity serve [--port N] [--db PATH]`);
    return EXIT.usage;
  }
  const env = { ...process.env, ...(parsed.values.port ? { PORT: parsed.values.port } : {}), ...(parsed.values.db ? { PARITY_DB: parsed.values.db } : {}) };
  try {
    await startServer(loadConfig(env));
  } catch (error) {
    if (!(error instanceof StartRefused || error instanceof SettingsError || error instanceof NewerSchema)) throw error;
    ctx.stderr(error.message);
    return EXIT.rejected;
  }
  // Keep running until a signal closes the server.
  await new Promise(() => undefined);
  return EXIT.ok;
};
