// After "Publish": the published chart's permanent link and the <iframe> code to embed it, each
// with a copy button.
import { useEffect, useId, useRef } from 'react';
import { Link } from '../router.tsx';

export interface Publication {
  id: string;
  /** Absolute: /published/:id on this server. */
  url: string;
  title: string;
}

export function embedCode(p: Publication): string {
  const title = p.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${p.url}" width="840" height="900" title="${title}" style="border:0"></iframe>`;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function PublishedPanel({ publication, announce }: { publication: Publication; announce: (message: string) => void }) {
  const id = useId();
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), [publication.id]);
  const copy = async (text: string, what: string, field: string) => {
    if (await copyText(text)) announce(`Copied the ${what}.`);
    else {
      const input = document.getElementById(field) as HTMLInputElement | HTMLTextAreaElement | null;
      input?.focus();
      input?.select();
      announce(`This browser did not allow copying: the ${what} is selected, press Ctrl+C (or ⌘C) to copy it.`);
    }
  };
  return (
    <div className="published-panel">
      <p ref={heading} tabIndex={-1} className="published-panel-title">
        Published as chart {publication.id}
      </p>
      <p>
        These figures are frozen: the link shows the same chart after later uploads, until it is withdrawn on the{' '}
        <Link href="/published">Published</Link> page.
      </p>
      <div className="field">
        <label htmlFor={`${id}-url`}>Permanent link</label>
        <div className="copy-row">
          <input id={`${id}-url`} type="text" readOnly value={publication.url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="chart-action" onClick={() => void copy(publication.url, 'link', `${id}-url`)}>
            Copy link
          </button>
          <a href={publication.url} target="_blank" rel="noopener">
            Open<span className="visually-hidden"> the published chart (new tab)</span>
          </a>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-embed`}>Embed code for a web page or intranet</label>
        <div className="copy-row">
          <textarea id={`${id}-embed`} readOnly rows={3} value={embedCode(publication)} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="chart-action" onClick={() => void copy(embedCode(publication), 'embed code', `${id}-embed`)}>
            Copy embed code
          </button>
        </div>
      </div>
    </div>
  );
}
