import type { Locator, Page, Response } from 'playwright-core';

/**
 * Picks an option of the antd select that is open now. A click that lands while the list is still
 * opening selects nothing and leaves the list open with the option unselected (seen on a loaded
 * machine): click again until the list closes (single select) or the pick shows as selected
 * (multiple select).
 */
export async function pickOption(page: Page, text: string) {
  const list = page.locator('.ant-select-dropdown:visible');
  const option = list.locator('.ant-select-item-option').filter({ hasText: text }).first();
  for (let attempt = 1; ; attempt++) {
    await option.click();
    const until = Date.now() + 3_000;
    while (Date.now() < until) {
      if (!(await list.isVisible())) return;
      // A multiple select keeps its list open and shows the pick as a tag (typed search text is
      // cleared then, and the option may scroll out of the drawn part of the list).
      if ((await page.locator('.ant-select-selection-item').filter({ hasText: text }).count()) > 0) return;
      const state = await option.getAttribute('class', { timeout: 500 }).catch(() => null);
      if (state?.includes('ant-select-item-option-selected')) return;
      await page.waitForTimeout(100);
    }
    if (attempt >= 5) throw new Error(`the option "${text}" was clicked ${attempt} times and is still not selected`);
  }
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
