// The toolbar under every chart: Download PNG / SVG (the server's board-paper rendering when the
// server draws this chart, else the drawing on screen), Download data (CSV), Copy image, and —
// for analysts, on charts the server draws — Publish. Every outcome is announced in a live region.
// When the chart shows an analyst's unsuppressed figures, nothing on screen is saved: images come
// from the server (which always applies disclosure control) and the CSV from `exports.data`.
import { useId, useRef, useState } from 'react';
import type { View } from 'vega';
import { ApiError, send } from '../api/client.ts';
import { allows, redirectToLogin, useSession } from '../auth/session.ts';
import { tableFromElement, toCsv, type CsvTable } from '../lib/csv.ts';
import { fileSlug, publishBody, serverChartUrl, type ServerChart } from './chart-files.ts';
import { PublishedPanel, type Publication } from './PublishedPanel.tsx';
import '../components/unsuppressed.css';

export interface ChartExport {
  /** A short name for the chart: the toolbar's label and the name of files drawn in the browser. */
  title: string;
  /** The same chart drawn by the server, where there is one: its files carry title and footnotes, and it can be published. */
  server?: ServerChart | null;
  /** The chart's figures; without it, the data table under the chart is read as shown. */
  data?: () => CsvTable | Promise<CsvTable>;
  /**
   * The chart and its table show unsuppressed figures (the analyst view): the drawing and the
   * table on screen are never saved; `data` must fetch the disclosure-controlled figures.
   */
  unsuppressed?: boolean;
}

interface Props {
  exports: ChartExport;
  /** The drawn view (null until drawn, or when drawing failed). */
  view: () => View | null;
  /** The chart's data table element, for the CSV when `exports.data` is absent. */
  table: () => HTMLTableElement | null;
}

class ActionError extends Error {}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

async function messageOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `The server answered ${response.status}. Try again; if it keeps happening, check the server log.`;
}

/** Fetches a chart file from the server: the blob and the file name the server gives it. */
async function fetchFile(url: string, fallbackName: string): Promise<{ blob: Blob; name: string }> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new ActionError('The Parity server did not answer. Check that it is running and try again.');
  }
  if (response.status === 401) {
    redirectToLogin();
    throw new ActionError('Your session has ended: sign in again.');
  }
  if (!response.ok) throw new ActionError(await messageOf(response));
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  return { blob: await response.blob(), name };
}

function dataUrlToBlob(url: string): Blob {
  const [head, data] = url.split(',', 2);
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

export function ChartActions({ exports, view, table }: Props) {
  const session = useSession();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [publication, setPublication] = useState<Publication | null>(null);
  const labelId = useId();
  const sequence = useRef(0);
  const { server, title } = exports;
  const slug = fileSlug(title);
  const canPublish = Boolean(server) && session !== null && session.mode !== 'signed-out' && allows(session, 'analyst');

  const drawnView = (): View => {
    if (exports.unsuppressed) throw new ActionError('This chart shows unsuppressed figures, so its drawing cannot be saved or copied. Turn off "Show unsuppressed figures" first.');
    const v = view();
    if (!v) throw new ActionError('The chart has not been drawn yet: wait for it to appear, then try again.');
    return v;
  };

  const png = async (): Promise<{ blob: Blob; name: string }> => {
    if (server) return fetchFile(serverChartUrl(server, 'png'), `${slug}.png`);
    return { blob: dataUrlToBlob(await drawnView().toImageURL('png', 2)), name: `${slug}@2x.png` };
  };
  const svg = async (): Promise<{ blob: Blob; name: string }> => {
    if (server) return fetchFile(serverChartUrl(server, 'svg'), `${slug}.svg`);
    return { blob: new Blob([await drawnView().toSVG()], { type: 'image/svg+xml' }), name: `${slug}.svg` };
  };

  /** Runs one action, saying what is happening and then what happened. */
  const run = async (name: string, working: string, action: () => Promise<string>) => {
    const turn = ++sequence.current;
    setBusy(name);
    setMessage(working);
    try {
      const done = await action();
      if (turn === sequence.current) setMessage(done);
    } catch (error) {
      const text = error instanceof ActionError ? error.message : `That did not work (${error instanceof Error ? error.message : String(error)}).`;
      if (turn === sequence.current) setMessage(text);
    } finally {
      if (turn === sequence.current) setBusy(null);
    }
  };

  const downloadPng = () => run('png', 'Preparing the PNG…', async () => {
    const file = await png();
    save(file.blob, file.name);
    return `Downloaded ${file.name}.`;
  });
  const downloadSvg = () => run('svg', 'Preparing the SVG…', async () => {
    const file = await svg();
    save(file.blob, file.name);
    return `Downloaded ${file.name}.`;
  });
  const downloadCsv = () => run('csv', 'Preparing the data…', async () => {
    const element = exports.unsuppressed ? null : table();
    const data = exports.data ? await exports.data() : element ? tableFromElement(element) : null;
    if (!data) throw new ActionError('This chart has no data table to download.');
    const name = `${slug}.csv`;
    save(new Blob([toCsv(data)], { type: 'text/csv;charset=utf-8' }), name);
    return `Downloaded ${name}: ${data.rows.length} rows.`;
  });
  const copyImage = () => run('copy', 'Copying the image…', async () => {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (typeof ClipboardItem === 'undefined' || !clipboard?.write) {
      throw new ActionError('This browser cannot copy images to the clipboard. Use Download PNG instead, then insert the file.');
    }
    try {
      // The blob is passed as a promise so the copy stays inside the click, as Safari requires.
      await clipboard.write([new ClipboardItem({ 'image/png': png().then((f) => f.blob) })]);
    } catch (error) {
      if (error instanceof ActionError) throw error;
      throw new ActionError('The browser did not allow copying the image. Use Download PNG instead, then insert the file.');
    }
    return 'Copied the chart as an image: paste it into your document.';
  });
  const publish = () => run('publish', 'Publishing…', async () => {
    if (!server) throw new ActionError('Only charts the server draws (indicator and completeness charts) can be published.');
    let body: { id: string; url: string; published?: { title?: string } };
    try {
      body = await send('POST', '/api/published', { body: publishBody(server) });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 401) {
        redirectToLogin();
        throw new ActionError('Your session has ended: sign in again.');
      }
      throw new ActionError(error.kind === 'network' ? 'The Parity server did not answer. Check that it is running and try again.' : error.message);
    }
    setPublication({ id: body.id, url: new URL(body.url, window.location.origin).href, title: body.published?.title ?? title });
    return `Published. The chart's permanent link and embed code are below.`;
  });

  return (
    <div className="chart-actions">
      <span id={labelId} className="visually-hidden">
        Save or share: {title}
      </span>
      <div className="chart-toolbar" role="group" aria-labelledby={labelId}>
        <button type="button" className="chart-action" onClick={downloadPng} aria-busy={busy === 'png' || undefined}>
          Download PNG
        </button>
        <button type="button" className="chart-action" onClick={downloadSvg} aria-busy={busy === 'svg' || undefined}>
          Download SVG
        </button>
        <button type="button" className="chart-action" onClick={downloadCsv} aria-busy={busy === 'csv' || undefined}>
          Download data (CSV)
        </button>
        <button type="button" className="chart-action" onClick={copyImage} aria-busy={busy === 'copy' || undefined}>
          Copy image
        </button>
        {canPublish && (
          <button type="button" className="chart-action chart-action-publish" onClick={publish} aria-busy={busy === 'publish' || undefined}>
            Publish
          </button>
        )}
      </div>
      {exports.unsuppressed && (
        <p className="chart-actions-note">Files, copies and publications of this chart use disclosure-controlled figures, not the ones on screen.</p>
      )}
      <p className="chart-actions-status" role="status">
        {message}
      </p>
      {publication && <PublishedPanel publication={publication} announce={setMessage} />}
    </div>
  );
}
