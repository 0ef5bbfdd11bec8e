import sanitizeHtml from 'sanitize-html';
import { type ArticleBlock, type ArticleContent, type ArticleInline, hostOf, safeHref } from './content.ts';

/** What an outside link carries: search engines give it no credit, the opened page no handle on ours. */
export const EXTERNAL_REL = 'nofollow noopener ugc';

const escapeText = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A link leaves the site when it is absolute and its host is not one of the product's own. */
export function isExternal(href: string, ownHosts: readonly string[]): boolean {
  const host = hostOf(href);
  return host !== null && !ownHosts.includes(host);
}

function linkTag(href: string, ownHosts: readonly string[]): string {
  return isExternal(href, ownHosts)
    ? `<a href="${escapeText(href)}" rel="${EXTERNAL_REL}" target="_blank">`
    : `<a href="${escapeText(href)}">`;
}

const MARK_TAGS = { bold: 'strong', italic: 'em', underline: 'u', strike: 's' } as const;

function inline(node: ArticleInline, ownHosts: readonly string[]): string {
  if (node.type === 'hardBreak') return '<br>';
  let html = escapeText(node.text);
  for (const mark of [...(node.marks ?? [])].reverse())
    html =
      mark.type === 'link'
        ? `${linkTag(mark.attrs.href, ownHosts)}${html}</a>`
        : `<${MARK_TAGS[mark.type]}>${html}</${MARK_TAGS[mark.type]}>`;
  return html;
}

function block(node: ArticleBlock, ownHosts: readonly string[]): string {
  const inlines = (content: ArticleInline[] | undefined) => (content ?? []).map((n) => inline(n, ownHosts)).join('');
  const blocks = (content: ArticleBlock[]) => content.map((n) => block(n, ownHosts)).join('');
  switch (node.type) {
    case 'paragraph':
      return `<p>${inlines(node.content)}</p>`;
    case 'heading':
      return `<h${node.attrs.level}>${inlines(node.content)}</h${node.attrs.level}>`;
    case 'horizontalRule':
      return '<hr>';
    case 'blockquote':
      return `<blockquote>${blocks(node.content)}</blockquote>`;
    case 'bulletList':
    case 'orderedList': {
      const tag = node.type === 'bulletList' ? 'ul' : 'ol';
      return `<${tag}>${node.content.map((item) => `<li>${blocks(item.content)}</li>`).join('')}</${tag}>`;
    }
  }
}

/**
 * The one allowlist of HTML a reader may receive. Everything else is dropped with its content
 * where the content is code or markup (script, style, svg, math, iframe, template, xmp…), and
 * unwrapped where it is text. Links keep only a safe href; outside links always get EXTERNAL_REL.
 */
function policy(ownHosts: readonly string[]): sanitizeHtml.IOptions {
  return {
    allowedTags: ['p', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'br', 'hr', 'strong', 'em', 'u', 's', 'a'],
    allowedAttributes: { a: ['href', 'rel', 'target'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    allowedClasses: {},
    allowedStyles: {},
    parseStyleAttributes: false,
    allowVulnerableTags: false,
    disallowedTagsMode: 'discard',
    nonTextTags: [
      'script',
      'style',
      'textarea',
      'option',
      'noscript',
      'xmp',
      'iframe',
      'noembed',
      'noframes',
      'plaintext',
      'title',
      'template',
      'svg',
      'math',
      'object',
      'embed',
      'select',
      'button',
      'head',
    ],
    transformTags: {
      a: (_tag, attribs): sanitizeHtml.Tag => {
        const href = attribs.href ?? '';
        // An unsafe link loses its href and goes nowhere; its words stay. (Renaming the tag instead
        // would make sanitize-html close the wrong element.)
        if (!safeHref(href)) return { tagName: 'a', attribs: {} };
        return isExternal(href, ownHosts)
          ? { tagName: 'a', attribs: { href, rel: EXTERNAL_REL, target: '_blank' } }
          : { tagName: 'a', attribs: { href } };
      },
    },
  };
}

/** Any HTML through the article allowlist: on write, again on every render, and for pasted HTML. */
export function sanitizeArticleHtml(html: string, ownHosts: readonly string[]): string {
  return sanitizeHtml(html, policy(ownHosts));
}

/** The reader's HTML of checked content: built from the allowlisted nodes, then sanitised as any HTML is. */
export function renderArticleHtml(doc: ArticleContent, ownHosts: readonly string[]): string {
  return sanitizeArticleHtml(doc.content.map((n) => block(n, ownHosts)).join(''), ownHosts);
}
