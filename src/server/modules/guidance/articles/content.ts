import { z } from 'zod';
import type { ArticleLink } from '../../../../domain/guidance/articles.ts';

/**
 * An article's content as the editor (tiptap, ProseMirror JSON) saves it, checked against the
 * node and mark types an article may hold. Anything else (images, code, embeds, styles,
 * unknown attributes) is refused or dropped here, before any HTML exists.
 */

/** No whitespace or control characters anywhere: `java\tscript:` and ` javascript:` are not links. */
const PLAIN_HREF = /^[^\s\p{Cc}]+$/u;

/** A link goes to the web (http, https), to a mailbox, or to a page of this site (`/…`, never `//host`). */
export function safeHref(href: string): boolean {
  if (!PLAIN_HREF.test(href) || href.length > 2000) return false;
  if (href.startsWith('/')) return !href.startsWith('//') && !href.startsWith('/\\');
  try {
    const url = new URL(href);
    if (url.protocol === 'mailto:') return true;
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

const LinkMark = z.object({
  type: z.literal('link'),
  attrs: z.object({ href: z.string().refine(safeHref, { message: 'article.link' }) }),
});
const Mark = z.union([z.object({ type: z.enum(['bold', 'italic', 'underline', 'strike']) }), LinkMark]);

const Text = z.object({
  type: z.literal('text'),
  text: z.string().min(1).max(20_000),
  marks: z.array(Mark).max(8).optional(),
});
const HardBreak = z.object({ type: z.literal('hardBreak') });
const Inline = z.union([Text, HardBreak]);
const Paragraph = z.object({ type: z.literal('paragraph'), content: z.array(Inline).max(2000).optional() });
const Heading = z.object({
  type: z.literal('heading'),
  attrs: z.object({ level: z.union([z.literal(2), z.literal(3)]) }),
  content: z.array(Inline).max(200).optional(),
});
const HorizontalRule = z.object({ type: z.literal('horizontalRule') });

type Block =
  | z.infer<typeof Paragraph>
  | z.infer<typeof Heading>
  | z.infer<typeof HorizontalRule>
  | { type: 'blockquote'; content: Block[] }
  | { type: 'bulletList' | 'orderedList'; content: { type: 'listItem'; content: Block[] }[] };

const Block: z.ZodType<Block> = z
  .lazy(() =>
    z.union([
      Paragraph,
      Heading,
      HorizontalRule,
      z.object({ type: z.literal('blockquote'), content: z.array(Block).min(1).max(200) }),
      z.object({
        type: z.enum(['bulletList', 'orderedList']),
        content: z
          .array(z.object({ type: z.literal('listItem'), content: z.array(Block).min(1).max(50) }))
          .min(1)
          .max(200),
      }),
    ]),
  )
  .meta({ id: 'ArticleBlock' }); // a recursive schema is a $ref in OpenAPI, so it needs a component name

/** Nesting deeper than this is no article; it only makes rendering work harder. */
const MAX_DEPTH = 12;
function depth(value: unknown): number {
  if (!value || typeof value !== 'object') return 0;
  const content = (value as { content?: unknown }).content;
  return Array.isArray(content) ? 1 + Math.max(0, ...content.map(depth)) : 1;
}

export const ArticleContent = z
  .object({ type: z.literal('doc'), content: z.array(Block).min(1).max(2000) })
  .refine((doc) => depth(doc) <= MAX_DEPTH, { message: 'article.content' })
  .describe(
    'ProseMirror JSON: paragraph, heading (2–3), bulletList, orderedList, listItem, blockquote, horizontalRule, hardBreak, text; marks bold, italic, underline, strike, link (http, https, mailto or /path)',
  );
export type ArticleContent = z.infer<typeof ArticleContent>;
export type ArticleBlock = Block;
export type ArticleInline = z.infer<typeof Inline>;

/** Every piece of text, in order, for the checks and the search of hidden text. */
export function textsOf(doc: ArticleContent): string[] {
  const texts: string[] = [];
  const walk = (node: { type: string; text?: string; content?: unknown[] }) => {
    if (node.type === 'text' && node.text) texts.push(node.text);
    for (const child of (node.content ?? []) as (typeof node)[]) walk(child);
  };
  walk(doc);
  return texts;
}

/**
 * The article's links with the text each shows: adjacent text nodes under the same href are one
 * link. `host` is the host of an absolute web link, null for a page of this site or a mailbox.
 */
export function linksOf(doc: ArticleContent): ArticleLink[] {
  const links: ArticleLink[] = [];
  const walk = (node: { type: string; content?: unknown[] }) => {
    let open: ArticleLink | undefined;
    for (const child of (node.content ?? []) as { type: string; text?: string; marks?: z.infer<typeof Mark>[]; content?: unknown[] }[]) {
      const href = child.marks?.find((m) => m.type === 'link')?.attrs.href;
      if (href && child.type === 'text') {
        if (open && open.href === href) open.text += child.text ?? '';
        else {
          open = { href, text: child.text ?? '', host: hostOf(href) };
          links.push(open);
        }
      } else open = undefined;
      walk(child);
    }
  };
  walk(doc);
  return links;
}

export function hostOf(href: string): string | null {
  if (!/^https?:/i.test(href)) return null;
  return new URL(href).hostname.toLowerCase();
}
