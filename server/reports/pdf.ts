// Prints a report's HTML to an A4 PDF with headless Chromium, when the server has it. The HTML
// carries its fonts inline and Chromium is offline (every request other than data: is refused).
import { existsSync } from 'node:fs';
import { pdfUnavailable } from '../messages.ts';

export const CHROMIUM_PATH = process.env.PARITY_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export async function htmlToPdf(html: string, executablePath = CHROMIUM_PATH): Promise<Buffer> {
  if (!existsSync(executablePath)) throw pdfUnavailable(executablePath);
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw pdfUnavailable(executablePath);
  }
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
    await page.evaluate(() => document.fonts.ready);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#4C6272;font-family:sans-serif">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
