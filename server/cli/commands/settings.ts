// `parity settings list|set KEY VALUE|reset KEY`: the settings page from a terminal. With no
// server running the command opens the database itself; when `parity serve` holds it, the command
// asks that server (so the change takes effect at once), authenticated by its `server.json` secret.
import { writeAudit } from '../../audit/audit-log.ts';
import { loadSecuritySettings } from '../../auth/settings.ts';
import { loadConfig } from '../../config.ts';
import { Database, isLockError } from '../../../db/database.ts';
import { ensureSchema } from '../../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { ServerInfo } from '../../server-info.ts';
import { LiveSettings, type SettingView } from '../../settings/live-settings.ts';
import { type CliContext, type Command, EXIT } from '../command.ts';
import { parseCommand } from '../parse.ts';
import { callServer, runningServer, ServerCallError } from '../server-call.ts';

const USAGE = `Usage:
  parity settings list [--json] [--db PATH]
  parity settings set KEY VALUE [--db PATH]
  parity settings reset KEY [--db PATH]       back to the environment's value, or the default`;

class SettingsError extends Error {}

const actor = () => `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;

/** The operations, against the database file or against the server that holds it. */
interface Settings {
  list(): Promise<SettingView[]>;
  set(key: string, value: string): Promise<SettingView>;
  reset(key: string): Promise<SettingView>;
  close(): void;
}

async function direct(db: Database, env: NodeJS.ProcessEnv): Promise<Settings> {
  const live = await LiveSettings.load(db, { config: loadConfig(env), security: loadSecuritySettings(env) }, { env });
  const audit = (action: string, target: string, detail: Record<string, unknown>, outcome: 'success' | 'failure' = 'success') =>
    writeAudit(db, { actor: actor(), ip: null, action, target, detail, outcome });
  return {
    list: async () => live.list(),
    async set(key, value) {
      try {
        live.check(key, value);
      } catch (error) {
        if (error instanceof AppError) await audit('setting.change', key, { tried: value.slice(0, 100), error: error.code }, 'failure');
        throw error;
      }
      const { from, to, setting } = await live.change(key, value, actor());
      await audit('setting.change', key, { from, to });
      return setting;
    },
    async reset(key) {
      const { from, to, setting } = await live.reset(key);
      await audit('setting.reset', key, { from, to });
      return setting;
    },
    close: () => db.close(),
  };
}

function remote(info: ServerInfo): Settings {
  const call = <T>(method: string, path: string, body?: unknown) => callServer<T>(info, method, path, body);
  const path = (key: string) => `/settings/${encodeURIComponent(key)}`;
  return {
    list: async () => (await call<{ settings: SettingView[] }>('GET', '/settings')).settings,
    set: (key, value) => call<SettingView>('PUT', path(key), { value }),
    reset: (key) => call<SettingView>('DELETE', path(key)),
    close: () => undefined,
  };
}

async function open(dbPath: string, memoryLimit: string, env: NodeJS.ProcessEnv): Promise<Settings> {
  try {
    const db = await Database.open(dbPath, { memoryLimit });
    await ensureSchema(db);
    return direct(db, env);
  } catch (error) {
    if (!isLockError(error)) throw error;
    const info = runningServer(dbPath);
    if (info?.cliToken) return remote(info);
    throw new SettingsError(`Another process holds ${dbPath}. Stop it, or change settings on the server's admin page (/admin).`);
  }
}

export function describeSource(s: SettingView): string {
  switch (s.source.kind) {
    case 'saved':
      return `saved by ${s.source.by} at ${s.source.at}`;
    case 'environment':
      return `environment ${s.env}`;
    case 'start-up':
      return 'start-up option';
    default:
      return 'default';
  }
}

function table(settings: SettingView[]): string {
  const rows = [['key', 'value', 'from', 'changeable'], ...settings.map((s) => [s.key, String(s.value ?? '—'), describeSource(s), s.editable ? 'yes' : `no (${s.env}, restart)`])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

export const settingsCommand: Command = async (args, ctx: CliContext) => {
  const [action, ...rest] = args;
  const parsed = parseCommand(rest, { db: { type: 'string' }, json: { type: 'boolean' } }, true);
  const usage = (message: string) => {
    ctx.stderr(`${message}\n${USAGE}`);
    return EXIT.usage;
  };
  const arity: Record<string, number> = { list: 0, set: 2, reset: 1 };
  if (!action || !(action in arity)) return usage(action ? `Unknown settings action "${action}".` : 'Say what to do.');
  if (!parsed.ok) return usage(parsed.message);
  if (parsed.positionals.length !== arity[action]) return usage(action === 'set' ? 'Give a KEY and a VALUE.' : action === 'reset' ? 'Give one KEY.' : '`parity settings list` takes no KEY.');
  const env = parsed.values.db ? { ...process.env, PARITY_DB: parsed.values.db } : process.env;
  const config = loadConfig(env);
  let settings: Settings | null = null;
  try {
    settings = await open(config.dbPath, config.memoryLimit, env);
    const [key, value] = parsed.positionals;
    if (action === 'list') {
      const all = await settings.list();
      ctx.stdout(parsed.values.json ? JSON.stringify(all) : table(all));
    } else {
      const setting = action === 'set' ? await settings.set(key, value) : await settings.reset(key);
      ctx.stderr(`${setting.label} is now ${setting.value} (${describeSource(setting)}). The change is in the audit log.`);
      if (setting.key === 'disclosure' && setting.value === 'none') ctx.stderr('Warning: small-number suppression is now off for every viewer and every export.');
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SettingsError || error instanceof ServerCallError || (error instanceof AppError && error.status < 500)) {
      ctx.stderr(error.message);
      return EXIT.rejected;
    }
    throw error;
  } finally {
    settings?.close();
  }
};
