import type { Locator, Page, Response } from 'playwright-core';

/** Picks an option of the antd select that is open now. */
export async function pickOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/**
 * Picks `option` (the first option when null) in `select`, then clicks `send` and answers the
 * server's response. An option still being rendered while the list opens takes a click without
 * selecting anything, and the form then refuses to send: pick and send again until the server
 * answers.
 */
export async function pickAndSend(page: Page, select: Locator, option: string | null, send: Locator, sent: (r: Response) => boolean) {
  const list = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    if (!(await list.isVisible())) await select.click();
    const options = list.locator('.ant-select-item-option');
    await (option === null ? options : options.filter({ hasText: option })).first().click();
    // A click that selected nothing leaves the list open: pick again.
    const picked = await list.waitFor({ state: 'hidden', timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (!picked && attempt < 5) continue;
    const answer = page.waitForResponse((r) => sent(r) && r.request().method() === 'POST', { timeout: 20_000 });
    await send.click();
    try {
      return await answer;
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
}
