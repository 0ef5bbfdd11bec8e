import { describe, expect, it } from 'vitest';
import { ArticleContent, safeHref } from './content.ts';
import { EXTERNAL_REL, renderArticleHtml, sanitizeArticleHtml } from './render.ts';

const OWN = ['tuoyu.example.gov.cn'];

/**
 * Payloads from public XSS lists (OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat
 * sheet, Cure53's DOMPurify mXSS and namespace-confusion cases), each one a way past a sanitiser
 * that has been seen to work somewhere.
 */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//xss.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img srcset="x 1x, javascript:alert(1) 2x">',
  '<picture><source srcset="javascript:alert(1)"><img></picture>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">x</text></a></svg>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<xmp><script>alert(1)</script></xmp>',
  '<template><script>alert(1)</script></template>',
  '<style>@import "javascript:alert(1)";</style>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<input type="image" formaction="javascript:alert(1)" src=x>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav\nascript:alert(1)">x</a>',
  '<a href="\u0001javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="//evil.example/">x</a>',
  '<a href="/\\evil.example/">x</a>',
  '<a href="https://lyg.gov.cn" onclick="alert(1)" onmouseover="alert(1)">x</a>',
  '<div onmouseover="alert(1)">x</div>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<a href="#" style="display:none">hidden</a><span style="font-size:0">tiny</span><font color="#fff">white</font>',
];

/** What must never reach a reader, however it is spelled. */
function expectInert(html: string) {
  expect(html).not.toMatch(
    /<(script|style|iframe|object|embed|svg|math|img|picture|source|form|input|button|base|meta|link|template|xmp|noscript|details|video|body|div|span|font)\b/i,
  );
  expect(html).not.toMatch(/\son\w+\s*=/i);
  expect(html).not.toMatch(/\s(style|srcset|src|formaction|action|xlink:href|data)\s*=/i);
  expect(html).not.toMatch(/(javascript|vbscript|data):/i);
  for (const href of html.matchAll(/href="([^"]*)"/g)) expect(safeHref((href[1] as string).replaceAll('&amp;', '&'))).toBe(true);
  for (const a of html.matchAll(/<a [^>]*href="https?:[^>]*>/g)) expect(a[0]).toContain(`rel="${EXTERNAL_REL}"`);
}

describe('the article sanitiser', () => {
  it.each(PAYLOADS)('leaves nothing live of %s', (payload) => {
    const once = sanitizeArticleHtml(payload, OWN);
    expectInert(once);
    // The render pass sanitises stored HTML again: the result must not change, or it was not stable.
    expect(sanitizeArticleHtml(once, OWN)).toBe(once);
  });

  it('keeps the words of a link whose href it drops, and the allowed formatting', () => {
    expect(sanitizeArticleHtml('<p>看<a href="javascript:alert(1)">这里</a><strong>粗</strong><em>斜</em></p>', OWN)).toBe(
      '<p>看<a>这里</a><strong>粗</strong><em>斜</em></p>',
    );
  });

  it('marks every outside link nofollow noopener ugc, whatever rel it came with, and leaves links of the site alone', () => {
    expect(sanitizeArticleHtml('<a href="https://spam.example/buy" rel="follow">便宜</a>', OWN)).toBe(
      `<a href="https://spam.example/buy" rel="${EXTERNAL_REL}" target="_blank">便宜</a>`,
    );
    expect(sanitizeArticleHtml('<a href="/search" target="_top">找托育</a>', OWN)).toBe('<a href="/search">找托育</a>');
    expect(sanitizeArticleHtml('<a href="https://tuoyu.example.gov.cn/search">找托育</a>', OWN)).toBe(
      '<a href="https://tuoyu.example.gov.cn/search">找托育</a>',
    );
  });
});

describe('article content', () => {
  const doc = (text: string, href?: string) => ({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text, ...(href ? { marks: [{ type: 'link', attrs: { href } }] } : {}) }] }],
  });

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    '//evil.example',
    'https://user:pass@evil.example',
    'file:///etc/passwd',
  ])('refuses a link to %s', (href) => {
    expect(ArticleContent.safeParse(doc('点这里', href)).success).toBe(false);
  });

  it('refuses node types outside the allowlist: images, code, embeds, raw HTML', () => {
    for (const node of [
      { type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } },
      { type: 'codeBlock', content: [{ type: 'text', text: 'x' }] },
      { type: 'iframe', attrs: { src: 'https://evil.example' } },
      { type: 'html', text: '<script>alert(1)</script>' },
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'x' }] },
    ])
      expect(ArticleContent.safeParse({ type: 'doc', content: [node] }).success).toBe(false);
    expect(
      ArticleContent.safeParse({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'textStyle', attrs: { color: '#fff' } }] }] }],
      }).success,
    ).toBe(false);
  });

  it('renders text as text: markup typed into the editor reaches the reader escaped', () => {
    const content = ArticleContent.parse(doc('<script>alert(1)</script><img src=x onerror=alert(1)>'));
    expect(renderArticleHtml(content, OWN)).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('drops attributes the allowlist does not know, and marks outside links on render', () => {
    const content = ArticleContent.parse({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { style: 'display:none' },
          content: [
            {
              type: 'text',
              text: '链接',
              marks: [{ type: 'link', attrs: { href: 'https://spam.example/', target: '_self', rel: null, onclick: 'x' } }],
            },
          ],
        },
      ],
    });
    expect(renderArticleHtml(content, OWN)).toBe(`<p><a href="https://spam.example/" rel="${EXTERNAL_REL}" target="_blank">链接</a></p>`);
  });
});
