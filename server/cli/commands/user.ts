// `parity user add|list|remove|passwd|role`: manage accounts. With no server running the command
// opens the database itself; when `parity serve` holds it, the command asks that server through
// its admin API, authenticated by the secret in the server's `server.json` (owner-readable only).
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { writeAudit } from '../../audit/audit-log.ts';
import { hashPassword, passwordProblem } from '../../auth/passwords.ts';
import { ROLES, roleSchema, userNameSchema, type Role } from '../../auth/roles.ts';
import { addUser, countAdmins, countUsers, getUser, listUsers, removeUser, setPasswordHash, setRole, type UserRecord } from '../../auth/users.ts';
import { loadConfig } from '../../config.ts';
import { Database, isLockError } from '../../../db/database.ts';
import { ensureSchema } from '../../../db/schema.ts';
import type { ServerInfo } from '../../server-info.ts';
import { callServer, runningServer, ServerCallError } from '../server-call.ts';
import { type CliContext, type Command, EXIT } from '../command.ts';
import { parseCommand } from '../parse.ts';

const USAGE = `Usage:
  parity user add NAME --role admin|analyst|viewer [--password-stdin] [--db PATH]
  parity user add NAME --role admin|analyst|viewer --sso [--db PATH]   an account that signs in through single sign-on only
  parity user list [--json] [--db PATH]
  parity user remove NAME [--db PATH]
  parity user passwd NAME [--password-stdin] [--db PATH]
  parity user role NAME --role admin|analyst|viewer [--db PATH]
  parity user signout NAME | --all [--db PATH]     end sessions (everyone's with --all)
Without --password-stdin the password is asked for twice in the terminal (it is not shown).`;

class UserError extends Error {}

const ssoHasNoPassword = (name: string) => `${name} signs in through single sign-on and has no password to change.`;

const actor = () => `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Asks in the terminal without echoing what is typed. */
function ask(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function newPassword(fromStdin: boolean | undefined): Promise<string> {
  let password: string;
  if (fromStdin) password = await readStdin();
  else if (process.stdin.isTTY) {
    password = await ask('New password: ');
    if ((await ask('The same again: ')) !== password) throw new UserError('The two passwords differ; nothing was changed.');
  } else throw new UserError('Give the password on standard input with --password-stdin, or run the command in a terminal.');
  const problem = passwordProblem(password);
  if (problem) throw new UserError(problem);
  return password;
}

/** The operations, against the database file or against the server that holds it. */
interface Accounts {
  list(): Promise<UserRecord[]>;
  /** A null password makes a single sign-on account. */
  add(name: string, role: Role, password: string | null): Promise<void>;
  remove(name: string): Promise<void>;
  passwd(name: string, password: string): Promise<void>;
  role(name: string, role: Role): Promise<void>;
  signout(name: string | null): Promise<void>;
  close(): void;
}

function direct(db: Database): Accounts {
  const audit = (action: string, target: string, detail: Record<string, unknown> = {}) =>
    writeAudit(db, { actor: actor(), ip: null, action, target, detail, outcome: 'success' });
  const mustExist = async (name: string) => {
    const user = await getUser(db, name);
    if (!user) throw new UserError(`There is no account called "${name}".`);
    return user;
  };
  const keepAnAdmin = async (user: UserRecord) => {
    if (user.role === 'admin' && (await countAdmins(db)) <= 1 && (await countUsers(db)) > 1) {
      throw new UserError(`"${user.name}" is the only admin: add another admin first, so someone can still manage Parity.`);
    }
  };
  const signOut = (name: string) => db.run(`DELETE FROM sessions WHERE user_name = ?`, [name]);
  return {
    list: () => listUsers(db),
    async add(name, role, password) {
      if (await getUser(db, name)) throw new UserError(`There is already an account called "${name}".`);
      if (password === null) await addUser(db, { name, role, passwordHash: null, source: 'oidc' });
      else await addUser(db, { name, role, passwordHash: await hashPassword(password) });
      await audit('user.add', name, { role, ...(password === null ? { source: 'oidc' } : {}) });
    },
    async remove(name) {
      await keepAnAdmin(await mustExist(name));
      await removeUser(db, name);
      await audit('user.remove', name);
    },
    async passwd(name, password) {
      if ((await mustExist(name)).source === 'oidc') throw new UserError(ssoHasNoPassword(name));
      await setPasswordHash(db, name, await hashPassword(password));
      await signOut(name);
      await audit('user.update', name, { changed: ['password'] });
    },
    async role(name, role) {
      const user = await mustExist(name);
      if (role !== 'admin') await keepAnAdmin(user);
      await setRole(db, name, role);
      await signOut(name);
      await audit('user.update', name, { changed: ['role'], from: user.role, role });
    },
    async signout(name) {
      if (name) await signOut(name);
      else await db.run(`DELETE FROM sessions`);
      await audit('sessions.end', name ?? '*');
    },
    close: () => db.close(),
  };
}

function remote(info: ServerInfo): Accounts {
  const call = <T = unknown>(method: string, path: string, body?: unknown) => callServer<T>(info, method, path, body);
  const path = (name: string) => `/users/${encodeURIComponent(name)}`;
  return {
    list: async () => (await call<{ users: UserRecord[] }>('GET', '/users')).users,
    add: async (name, role, password) => void (await call('POST', '/users', password === null ? { name, role, sso: true } : { name, role, password })),
    remove: async (name) => void (await call('DELETE', path(name))),
    passwd: async (name, password) => void (await call('PATCH', path(name), { password })),
    role: async (name, role) => void (await call('PATCH', path(name), { role })),
    signout: async (name) => void (await call('DELETE', `/sessions${name ? `?user=${encodeURIComponent(name)}` : ''}`)),
    close: () => undefined,
  };
}

async function open(dbPath: string, memoryLimit: string): Promise<Accounts> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const db = await Database.open(dbPath, { memoryLimit });
      await ensureSchema(db);
      return direct(db);
    } catch (error) {
      if (!isLockError(error)) throw error;
      const info = runningServer(dbPath);
      if (info) {
        if (info.cliToken) return remote(info);
        throw new UserError(`A Parity server holds ${dbPath}. Stop it, or manage accounts on its admin page (/admin).`);
      }
      if (Date.now() > deadline) throw new UserError(`Another process holds ${dbPath}. Stop it and try again.`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function table(users: UserRecord[]): string {
  if (!users.length) return 'No accounts: Parity runs as a single-user tool on this machine only. Add one with `parity user add NAME --role admin`.';
  const rows = [['name', 'role', 'source', 'created', 'last sign-in'], ...users.map((u) => [u.name, u.role, u.source, u.createdAt, u.lastLoginAt ?? '—'])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

export const userCommand: Command = async (args, ctx: CliContext) => {
  const [action, ...rest] = args;
  const parsed = parseCommand(rest, { role: { type: 'string' }, 'password-stdin': { type: 'boolean' }, sso: { type: 'boolean' }, db: { type: 'string' }, json: { type: 'boolean' }, all: { type: 'boolean' } }, true);
  const usage = (message: string) => {
    ctx.stderr(`${message}\n${USAGE}`);
    return EXIT.usage;
  };
  if (!action || !['add', 'list', 'remove', 'passwd', 'role', 'signout'].includes(action)) return usage(action ? `Unknown user action "${action}".` : 'Say what to do.');
  if (!parsed.ok) return usage(parsed.message);
  const needsName = action !== 'list' && !(action === 'signout' && parsed.values.all);
  if (parsed.positionals.length !== (needsName ? 1 : 0)) return usage(needsName ? 'Give one NAME.' : '`parity user list` takes no NAME.');
  const name = needsName ? userNameSchema.safeParse(parsed.positionals[0]) : null;
  if (name && !name.success) return usage(`"${parsed.positionals[0]}" is not a valid user name: use letters, digits and . _ @ - (at most 64).`);
  const sso = parsed.values.sso === true;
  if (sso && action !== 'add') return usage('--sso goes with `parity user add` only.');
  if (sso && parsed.values['password-stdin']) return usage('A single sign-on account (--sso) has no password: leave out --password-stdin.');
  let role: Role | null = null;
  if (action === 'add' || action === 'role') {
    const r = roleSchema.safeParse(parsed.values.role);
    if (!r.success) return usage(`--role must be one of ${ROLES.join(', ')}.`);
    role = r.data;
  }
  const config = loadConfig(parsed.values.db ? { ...process.env, PARITY_DB: parsed.values.db } : process.env);
  let accounts: Accounts | null = null;
  try {
    const password = (action === 'add' && !sso) || action === 'passwd' ? await newPassword(parsed.values['password-stdin']) : null;
    accounts = await open(config.dbPath, config.memoryLimit);
    const who = name?.data ?? '';
    switch (action) {
      case 'list': {
        const users = await accounts.list();
        ctx.stdout(parsed.values.json ? JSON.stringify(users) : table(users));
        break;
      }
      case 'add':
        await accounts.add(who, role!, password);
        ctx.stderr(
          sso
            ? `Added ${who} (${role}), who signs in through single sign-on: a role in their token takes precedence over this one.`
            : `Added ${who} (${role}). Everyone now signs in to use Parity; never share this password.`,
        );
        break;
      case 'remove':
        await accounts.remove(who);
        ctx.stderr(`Removed ${who} and ended their sessions.`);
        break;
      case 'passwd':
        await accounts.passwd(who, password!);
        ctx.stderr(`Changed the password of ${who} and ended their sessions.`);
        break;
      case 'signout':
        await accounts.signout(needsName ? who : null);
        ctx.stderr(needsName ? `Ended every session of ${who}.` : 'Ended every session: everyone signs in again.');
        break;
      case 'role':
        await accounts.role(who, role!);
        ctx.stderr(`${who} is now ${role}; their sessions were ended.`);
        break;
    }
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof UserError || error instanceof ServerCallError)) throw error;
    ctx.stderr(error.message);
    return EXIT.rejected;
  } finally {
    accounts?.close();
  }
};
