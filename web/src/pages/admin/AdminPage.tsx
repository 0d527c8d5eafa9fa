// Administration: accounts (add, change role, remove), settings, and the audit log with its CSV
// export. Shown to admins only; in local mode there are no accounts to manage, only settings.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { send } from '../../api/client.ts';
import { useSession, type Role } from '../../auth/session.ts';
import { SettingsSection } from './SettingsSection.tsx';
import '../../auth/auth.css';

interface User {
  name: string;
  role: Role;
  source: string;
  createdAt: string;
  lastLoginAt: string | null;
}
interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  ip: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  outcome: string;
}

const ROLES: Role[] = ['viewer', 'analyst', 'admin'];
const PAGE = 50;

const call = <T,>(method: string, url: string, body?: unknown): Promise<T> => send<T>(method, url, { body });

function Users({ me }: { me: string }) {
  const [users, setUsers] = useState<User[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const reload = useCallback(() => call<{ users: User[] }>('GET', '/api/users').then((r) => setUsers(r.users)), []);
  useEffect(() => {
    reload().catch((e: Error) => setMessage({ kind: 'error', text: e.message }));
  }, [reload]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await work();
      setMessage({ kind: 'ok', text: done });
      await reload();
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  };
  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get('name'));
    await act(() => call('POST', '/api/users', { name, role: form.get('role'), password: form.get('password') }), `Added ${name}.`);
    formElement.reset();
  };

  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">Accounts</h2>
      <div role="status" className={message ? `status ${message.kind === 'error' ? 'status-error' : ''}` : undefined}>
        {message?.text}
      </div>
      {users && (
        <div className="table-wrap">
          <table className="data-table users-table">
            <caption className="visually-hidden">Accounts</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.name}>
                  <th scope="row">{u.name}</th>
                  <td>
                    <label className="visually-hidden" htmlFor={`role-${u.name}`}>
                      Role of {u.name}
                    </label>
                    <select id={`role-${u.name}`} value={u.role} onChange={(e) => act(() => call('PATCH', `/api/users/${encodeURIComponent(u.name)}`, { role: e.target.value }), `${u.name} is now ${e.target.value}; their sessions were ended.`)}>
                      {ROLES.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </select>
                  </td>
                  <td>{u.createdAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>{u.lastLoginAt ? u.lastLoginAt.slice(0, 16).replace('T', ' ') : '—'}</td>
                  <td>
                    {u.name !== me && (
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => window.confirm(`Remove the account ${u.name}? They are signed out at once.`) && act(() => call('DELETE', `/api/users/${encodeURIComponent(u.name)}`), `Removed ${u.name}.`)}
                      >
                        Remove {u.name}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Add an account</h3>
      <form className="admin-form" onSubmit={add}>
        <div className="field">
          <label htmlFor="new-name">User name</label>
          <input id="new-name" name="name" type="text" required pattern="[A-Za-z0-9][A-Za-z0-9._@\-]{0,63}" autoComplete="off" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="new-role">Role</label>
          <select id="new-role" name="role" defaultValue="viewer">
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-password">Password</label>
          <input id="new-password" name="password" type="password" required minLength={12} autoComplete="new-password" aria-describedby="new-password-hint" />
          <span id="new-password-hint" className="hint">
            At least 12 characters. Give it to the person by a separate channel.
          </span>
        </div>
        <button type="submit" className="button">
          Add account
        </button>
      </form>
    </section>
  );
}

function AuditLog() {
  const [filters, setFilters] = useState({ actor: '', action: '', outcome: '' });
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ entries: AuditEntry[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
  useEffect(() => {
    call<{ entries: AuditEntry[]; total: number }>('GET', `/api/audit?${query}${query ? '&' : ''}limit=${PAGE}&offset=${offset}`)
      .then((p) => {
        setPage(p);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [query, offset]);
  const set = (key: keyof typeof filters) => (event: { target: { value: string } }) => {
    setOffset(0);
    setFilters((f) => ({ ...f, [key]: event.target.value.trim() }));
  };

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="audit-actor">Who</label>
          <input id="audit-actor" type="search" onChange={set('actor')} placeholder="user name" />
        </div>
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" onChange={set('action')} defaultValue="">
            <option value="">any</option>
            <option value="auth">sign-in and sign-out</option>
            <option value="extract">uploads, replacements, deletions</option>
            <option value="publication">publications and withdrawals</option>
            <option value="user">account changes</option>
            <option value="setting">setting changes</option>
            <option value="quarantine">quarantine views</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-outcome">Outcome</label>
          <select id="audit-outcome" onChange={set('outcome')} defaultValue="">
            <option value="">any</option>
            <option value="success">success</option>
            <option value="failure">failure</option>
            <option value="denied">denied</option>
          </select>
        </div>
        <a className="button button-secondary" href={`/api/audit.csv${query ? `?${query}` : ''}`} download>
          Download CSV
        </a>
      </div>
      {error && (
        <p className="status status-error" role="alert">
          {error}
        </p>
      )}
      {page && (
        <>
          <div className="table-wrap">
            <table className="data-table audit-table">
              <caption>
                {page.total.toLocaleString('en-GB')} entries{page.total > PAGE ? `, ${offset + 1}–${Math.min(offset + PAGE, page.total)} shown` : ''}, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">From</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((e) => (
                  <tr key={e.id}>
                    <td>{e.at.replace('T', ' ').replace('Z', '')}</td>
                    <td>{e.actor}</td>
                    <td>{e.ip ?? '—'}</td>
                    <td>{e.action}</td>
                    <td>{e.target ?? '—'}</td>
                    <td>{e.outcome}</td>
                    <td className="detail">{Object.keys(e.detail).length ? JSON.stringify(e.detail) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Newer
            </button>
            <button type="button" className="button button-secondary" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
              Older
            </button>
          </div>
        </>
      )}
    </section>
  );
}

export function AdminPage() {
  const session = useSession();
  if (!session) return null;
  return (
    <div className="admin-page">
      <h1>Administration</h1>
      {session.mode === 'local' ? (
        <>
          <p className="lead">
            This Parity server has no accounts: it is a single-user tool that answers on this machine only. To let others in, add an administrator on the server
            with <code>npx parity user add NAME --role admin</code>, then serve it behind a TLS proxy (README, “Deploying in a trust”).
          </p>
          <SettingsSection />
        </>
      ) : session.mode === 'accounts' && session.user.role === 'admin' ? (
        <>
          <Users me={session.user.name} />
          <SettingsSection />
          <AuditLog />
        </>
      ) : (
        <p className="status status-error">This page is for Parity administrators.</p>
      )}
    </div>
  );
}
