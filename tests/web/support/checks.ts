import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const SCREENSHOTS = join(__dirname, '../../../docs/screenshots');

/** axe-core with the WCAG 2.2 A/AA rules: serious and critical violations, described for the failure message. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // react-aria's live announcer keeps each announcement ~7 s in a visually hidden log; one that
  // names a label of the page just left points at nothing until it expires. Not page content.
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .exclude('[data-live-announcer]')
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** True when the page body scrolls sideways (wide tables scroll in their own box, never the page). */
export async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth + 1');
}

/**
 * docs/screenshots/<role>-<screen>-<width>.png, committed so a reviewer can look; written only by
 * `npm run screenshots` (WEB_SCREENSHOTS=1). A capture asserts nothing, and in CI it only cost time and
 * once failed a run (Chromium's full-page capture stalled past 30 s on a loaded machine).
 */
export async function screenshot(page: Page, role: string, screen: string): Promise<void> {
  if (process.env.WEB_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({
    path: join(SCREENSHOTS, `${role}-${screen}-${width}.png`),
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  });
}

/** 390 px (a phone) and 640 px with the layout of a 1280 px window at 200 % zoom. */
export const NARROW = { width: 390, height: 844 };
export const ZOOM_200 = { width: 640, height: 400 };
export const WIDE = { width: 1280, height: 900 };

/**
 * Every layout check of a screen: axe, no sideways scrolling at 390 px and at 200 % zoom, and the
 * screenshots at 1280 and 390 px. Leaves the page at 1280 px.
 */
export async function checkScreen(
  page: Page,
  role: string,
  screen: string,
  options: { screenshots?: boolean } = {},
): Promise<string[]> {
  const problems: string[] = [];
  await page.setViewportSize(WIDE);
  problems.push(...(await seriousAxeViolations(page)).map((v) => `${screen}: ${v}`));
  if (options.screenshots !== false) await screenshot(page, role, screen);
  for (const size of [NARROW, ZOOM_200]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(50);
    if (await pageScrollsSideways(page)) problems.push(`${screen}: the page scrolls sideways at ${size.width} px`);
    if (size === NARROW && options.screenshots !== false) await screenshot(page, role, screen);
  }
  await page.setViewportSize(WIDE);
  return problems;
}
