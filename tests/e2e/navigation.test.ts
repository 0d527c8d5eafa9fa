import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, open, visibleText } from './helpers.ts';

describe('navigation and keyboard access', () => {
  afterAll(closeBrowser);

  it('offers a skip link first, and moves focus to the main content with it', async () => {
    const tracked = await newPage();
    await open(tracked, '/');
    await tracked.page.keyboard.press('Tab');
    const first = await tracked.page.evaluate(() => ({ text: document.activeElement?.textContent, visible: (document.activeElement as HTMLElement).getBoundingClientRect().left >= 0 }));
    expect(first).toEqual({ text: 'Skip to main content', visible: true });
    await tracked.page.keyboard.press('Enter');
    expect(await tracked.page.evaluate(() => document.activeElement?.id)).toBe('main');
    await tracked.close();
  });

  it('navigates between pages without reloading, marking the current page in the menu', async () => {
    const tracked = await newPage();
    await open(tracked, '/');
    await tracked.page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await tracked.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Completeness' }).click();
    await tracked.page.waitForURL(/\/completeness$/);
    expect(await tracked.page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await tracked.page.getByRole('link', { name: 'Completeness' }).getAttribute('aria-current')).toBe('page');
    expect(await tracked.page.title()).toContain('completeness');
    await tracked.page.goBack();
    await tracked.page.waitForSelector('h1:text("Core20PLUS5 overview")');
    expect(tracked.consoleErrors).toEqual([]);
    await tracked.close();
  });

  it('loads a deep link directly and says when a page does not exist', async () => {
    const tracked = await newPage();
    await open(tracked, '/no/such/page');
    expect(await visibleText(tracked.page)).toContain('Page not found');
    await tracked.close();
  });

  it('shows a visible focus indicator on links', async () => {
    const tracked = await newPage();
    await open(tracked, '/');
    await tracked.page.keyboard.press('Tab');
    await tracked.page.keyboard.press('Tab');
    const style = await tracked.page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, shadow: s.boxShadow };
    });
    expect(style.background).toBe('rgb(255, 235, 59)');
    expect(style.shadow).not.toBe('none');
    await tracked.close();
  });
});
