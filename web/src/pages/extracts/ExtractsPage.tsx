// Loaded extracts, newest first; one extract's quarantine (?id=…); replace and delete.
import { useEffect, useState, type ReactNode } from 'react';
import { useApi } from '../../api/client.ts';
import { Empty, ErrorState, Loading } from '../../components/Status.tsx';
import { Link, useQuery } from '../../router.tsx';
import { canDelete, DatasetList, ExtractList, urls, type Extract } from '../upload/api.ts';
import { formatCount, formatWhen } from '../upload/format.ts';
import { useRequest } from '../upload/use-request.ts';
import { DeleteDialog } from './DeleteDialog.tsx';
import { ExtractDetailPanel, StatusTag } from './ExtractDetailPanel.tsx';
import '../upload/upload.css';
import './extracts.css';

/** A file name with line-break opportunities after / _ . and - (long names wrap at their joints). */
function breakable(name: string): ReactNode[] {
  return name.split(/(?<=[/_.-])/).flatMap((part, i) => (i ? [<wbr key={i} />, part] : [part]));
}

export function ExtractsPage() {
  const [query, setQuery] = useQuery();
  const selected = query.get('id');
  const showAll = query.get('all') === '1';
  const extracts = useRequest(urls.extracts, ExtractList);
  const datasets = useApi(urls.datasets, DatasetList);
  const [deleting, setDeleting] = useState<Extract | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [detailKey, setDetailKey] = useState(0);
  // Deleted here: shown as deleted at once, before the list reloads.
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  // Deleting needs the admin role; an analyst sees no Delete buttons.
  const [deletable, setDeletable] = useState(true);
  useEffect(() => {
    let live = true;
    canDelete().then((yes) => live && setDeletable(yes));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (selected) document.getElementById('extract-title')?.focus();
  }, [selected, extracts.status]);

  const title = (id: string) => datasets.data?.find((d) => d.id === id)?.title ?? id;

  if (extracts.status === 'loading') return <><h1>Loaded extracts</h1><Loading what="extracts" /></>;
  if (extracts.status === 'error') return <><h1>Loaded extracts</h1><ErrorState error={extracts.error} retry={extracts.reload} what="extracts" /></>;

  const all = extracts.data.map((e) => (removed.has(e.id) ? { ...e, status: 'deleted' } : e)).sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt) || a.id.localeCompare(b.id));
  const loaded = all.filter((e) => e.status === 'loaded');
  const shown = showAll ? all : loaded;
  const hidden = all.length - loaded.length;

  const deleted = (extract: Extract) => {
    setDeleting(null);
    setRemoved((r) => new Set([...r, extract.id]));
    setAnnouncement(`Deleted ${extract.id} (${extract.fileName}): ${formatCount(extract.rowsLoaded)} rows removed.`);
    if (selected === extract.id) setQuery({ id: null });
    setDetailKey((k) => k + 1);
    extracts.reload();
    requestAnimationFrame(() => document.querySelector<HTMLElement>('h1')?.focus());
  };

  return (
    <div className="extracts-page">
      <h1 tabIndex={-1}>Loaded extracts</h1>
      <p className="lead">
        Every file loaded into Parity, newest first, with what was loaded and what was quarantined. Open one to see its quarantined rows and why,
        download them to fix, or replace the extract with a corrected file.
      </p>
      <p className="announcement" role="status">{announcement}</p>

      {selected && (
        <>
          <p className="breadcrumb"><Link href="/extracts">← All extracts</Link></p>
          <ExtractDetailPanel key={`${selected}-${detailKey}`} id={selected} datasetTitle={title} onDelete={deletable ? setDeleting : null} />
        </>
      )}

      <section aria-labelledby="list-title">
        <div className="list-head">
          <h2 id="list-title">{showAll ? 'All extracts' : 'Loaded extracts'} ({shown.length})</h2>
          <div className="list-tools">
            {hidden > 0 && (
              <label className="checkbox">
                <input type="checkbox" checked={showAll} onChange={(event) => setQuery({ all: event.target.checked ? '1' : null }, { replace: true })} />
                Show {formatCount(hidden)} replaced or deleted
              </label>
            )}
            <Link className="button" href="/upload">Upload an extract</Link>
          </div>
        </div>
        {shown.length === 0 ? (
          <Empty title="No extracts loaded yet">
            <p>
              Load a CSV extract with <Link href="/upload">Upload an extract</Link>, or from the command line with{' '}
              <code>npx parity ingest FILE --dataset outpatients</code>.
            </p>
          </Empty>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="extracts-caption">
            <table className="data-table extracts-table">
              <caption id="extracts-caption" className="visually-hidden">Extracts, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">File and dataset</th>
                  <th scope="col">Loaded</th>
                  <th scope="col" className="num">Rows loaded</th>
                  <th scope="col" className="num">Quarantined</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((e) => (
                  <tr key={e.id} className={e.id === selected ? 'is-highlight' : undefined} aria-current={e.id === selected ? 'true' : undefined}>
                    <th scope="row">
                      <Link href={urls.extractPage(e.id)}>{breakable(e.fileName)}</Link>
                      <span className="extract-dataset">{title(e.dataset)}</span>
                      <span className="extract-id">{e.id}</span>
                    </th>
                    <td>{formatWhen(e.uploadedAt)}</td>
                    <td className="num">{formatCount(e.rowsLoaded)}</td>
                    <td className="num">{e.rowsQuarantined > 0 ? <strong>{formatCount(e.rowsQuarantined)}</strong> : '0'}</td>
                    <td><StatusTag status={e.status} /></td>
                    <td className="row-actions">
                      {e.status === 'loaded' && (
                        <>
                          <Link href={`/upload?dataset=${encodeURIComponent(e.dataset)}&replace=${encodeURIComponent(e.id)}`} aria-label={`Replace ${e.fileName} (${e.id})`}>
                            Replace
                          </Link>
                          {deletable && (
                            <button type="button" className="link-button link-danger" onClick={() => setDeleting(e)} aria-label={`Delete ${e.fileName} (${e.id})`}>
                              Delete
                            </button>
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {deleting && <DeleteDialog extract={deleting} datasetTitle={title(deleting.dataset)} onClose={() => setDeleting(null)} onDeleted={deleted} />}
    </div>
  );
}
