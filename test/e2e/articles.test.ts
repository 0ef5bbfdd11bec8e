import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopContext, noSidewaysScroll, phoneContext, signIn } from './browser.ts';
import { SHOTS, useJourney } from './journey.ts';

/**
 * Story: a city official writes an article and pastes a passage copied from elsewhere that
 * carries a spam link and a script; a second official reviews it, sees the outside link listed
 * with its host off the city's list, and approves it; on a phone the public page shows the text
 * with no live script and the link marked nofollow ugc.
 */

const AUTHOR = '13900000001';
const REVIEWER = '13900000016';
const PASTED =
  '<p style="color:#fff">育儿补贴咨询请点<a href="https://spam.example/buy" onclick="window.__pwned=1">这里</a></p>' +
  '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';

const journey = useJourney();

describe('articles journey', () => {
  it('an official writes with a pasted spam link and script, a second approves, the public page is inert', async () => {
    const slug = `pasted-${Date.now()}`;
    const desk = await desktopContext(journey.browser, journey.server.url);
    const author = await desk.newPage();
    await signIn(author, AUTHOR, '/official');
    await author.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '文章发布' }).click();
    await author.getByRole('button', { name: '撰写文章' }).click();
    await author.getByLabel('标题').fill('托育补贴咨询渠道');
    await author.getByLabel('网址名').fill(slug);
    const editor = author.getByTestId('article-editor');
    await editor.click();
    await editor.pressSequentially('以下内容转自群聊：');
    await author.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/html', ${JSON.stringify(PASTED)});
      data.setData('text/plain', '育儿补贴咨询请点这里');
      document.querySelector('[data-testid="article-editor"]').dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await expect.poll(() => editor.locator('a').count()).toBe(1);
    await author.getByRole('button', { name: '保存草稿' }).click();
    await author.waitForURL(/\/official\/articles\/[0-9a-f-]{36}$/);
    const articleUrl = new URL(author.url()).pathname;
    await author.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => author.getByTestId('article-status').textContent()).toBe('待审核');

    const reviewerContext = await desktopContext(journey.browser, journey.server.url);
    const reviewer = await reviewerContext.newPage();
    await signIn(reviewer, REVIEWER, '/official');
    await reviewer.goto(articleUrl);
    const links = reviewer.getByTestId('external-links');
    await expect.poll(() => links.textContent()).toContain('spam.example');
    expect(await links.textContent()).toContain('不在白名单内');
    expect(await reviewer.getByTestId('reader-view').locator('script, img, [onclick], [style]').count()).toBe(0);
    await reviewer.screenshot({ path: path.join(SHOTS, 'article-review-1280.png'), fullPage: true });
    await reviewer.getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => reviewer.getByTestId('article-status').textContent()).toBe('已发布');

    const phone = await phoneContext(journey.browser, journey.server.url);
    const reader = await phone.newPage();
    await reader.goto('/');
    await reader.getByTestId('articles-card').getByRole('link', { name: '全部文章' }).click();
    await reader.getByRole('link', { name: '托育补贴咨询渠道' }).click();
    const body = reader.getByTestId('article-body');
    await expect.poll(() => body.textContent()).toContain('育儿补贴咨询请点这里');
    expect(await body.locator('script, img, style, iframe, [onclick], [onerror], [style]').count()).toBe(0);
    const link = body.locator('a');
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe('https://spam.example/buy');
    expect((await link.getAttribute('rel'))?.split(' ').sort()).toEqual(['nofollow', 'noopener', 'ugc']);
    expect(await reader.evaluate('window.__pwned')).toBeUndefined();
    await noSidewaysScroll(reader);
    await reader.screenshot({ path: path.join(SHOTS, 'article-public-375.png'), fullPage: true });

    await Promise.all([desk.close(), reviewerContext.close(), phone.close()]);
  });
});
