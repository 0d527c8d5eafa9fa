// The published charts API (docs/board-papers.md): a publication as the signed-in list shows it,
// the answer to publishing one and to withdrawing one. The routes declare these as their
// response schemas; the published page parses them.
import * as z from 'zod/mini';

const maybeStr = z.nullable(z.string());

export const PublishedSummary = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  metric: z.string(),
  metricVersion: z.number(),
  chart: z.string(),
  by: z.string(),
  by2: maybeStr,
  period: z.object({ from: maybeStr, to: maybeStr }),
  disclosure: z.string(),
  dataAsAt: maybeStr,
  /** The name given when publishing, else the account that published (signed-in list only). */
  publishedBy: z.string(),
  publishedAt: z.string(),
  withdrawnAt: maybeStr,
  withdrawnBy: maybeStr,
});
export type PublishedSummary = z.infer<typeof PublishedSummary>;

export const PublishedList = z.object({ published: z.array(PublishedSummary) });

export const Published = z.object({ id: z.string(), url: z.string(), published: PublishedSummary });

export const Withdrawn = z.object({ id: z.string(), withdrawnAt: maybeStr, withdrawnBy: maybeStr, published: PublishedSummary });
