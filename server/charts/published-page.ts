// The page behind /published/:id: the frozen chart as inline SVG with its narrative, data table
// and footnotes — plain HTML and CSS, no script, so it loads in an iframe of any board paper.
import { formatDateTime } from '../../core/text/format.ts';
import type { PublicStatus, PublishedRecord } from '../services/published-service.ts';
import { BASE_CSS, dataTableHtml, esc, fontFaceCss } from './html.ts';

const CSS = `${BASE_CSS}
.narrative{margin:.75rem 0;padding-left:1.2rem}
.footnotes{font-size:.85rem;color:#4C6272;padding-left:1.2rem}
details{margin:.75rem 0}
summary{cursor:pointer;color:#005EB8}
.downloads{font-size:.9rem}
.downloads a{margin-right:.75rem}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} — Parity</title><style>${fontFaceCss('url')}${CSS}</style></head><body><main>${body}</main></body></html>`;
}

export function publishedPage(record: PublishedRecord, svg: string): string {
  const doc = record.document;
  const base = `/published/${record.id}`;
  return page(
    doc.title,
    `${svg}
<ul class="narrative">${doc.narrative.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>
<details><summary>Data table</summary>${dataTableHtml(doc, `${doc.title}, ${doc.subtitle.join(' · ')}`)}</details>
<details><summary>Notes and sources</summary><ul class="footnotes">${doc.footnotes.map((s) => `<li>${esc(s)}</li>`).join('')}</ul></details>
<p class="downloads">Download: <a href="${base}.png?scale=2" download>PNG</a><a href="${base}.svg" download>SVG</a><a href="${base}.csv" download>data (CSV)</a><a href="${base}.json" download>frozen record (JSON)</a></p>`,
  );
}

/** A public page: it names the publisher only by the name given when publishing, and no account. */
export function withdrawnPage(status: PublicStatus): string {
  return page(
    `${status.title} (withdrawn)`,
    `<h1>${esc(status.title)}</h1>
<div class="notice" role="status"><p><strong>This chart has been withdrawn.</strong> It was published on ${esc(formatDateTime(status.publishedAt))}${status.publishedBy ? ` by ${esc(status.publishedBy)}` : ''} and withdrawn on ${esc(formatDateTime(status.withdrawnAt))}. Its figures are no longer published.</p></div>`,
  );
}
