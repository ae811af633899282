import type { Page } from 'playwright-core';

/** Types a day into react-aria's DateField (segments year, month, day in Japanese order). */
export async function typeDate(page: Page, label: RegExp, isoDate: string): Promise<void> {
  await page.getByRole('group', { name: label }).getByRole('spinbutton').first().click();
  await page.keyboard.type(isoDate.replaceAll('-', ''));
}
