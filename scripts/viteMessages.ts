import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

export type Tree = { [key: string]: string | Tree };

/**
 * The messages a source names, as a tree of their own: `t('search.nav')` brings that text, a
 * key kept in a table (`'nav.home'`) too, and a computed key brings the subtree its literal part
 * names (`` t(`institutions.status.${s}`) `` all statuses, `` `growth.${x}` `` the whole group).
 * i18next's plural and context forms (`key_one`, `key_male`) come with their key. A string that
 * only looks like a key costs a few bytes, never a missing text.
 */
export function messagesNamed(code: string, tree: Tree): Tree {
  const found: Tree = {};
  for (const match of code.matchAll(/['"`]([a-zA-Z][\w-]*\.[\w.-]*)/g)) {
    const parts = (match[1] as string).replace(/\.$/, '').split('.');
    const last = parts.pop() as string;
    let node: Tree | undefined = tree;
    let into: Tree = found;
    for (const part of parts) {
      const next: string | Tree | undefined = node[part];
      node = typeof next === 'object' ? next : undefined;
      if (!node) break;
      if (typeof into[part] !== 'object') into[part] = {};
      into = into[part] as Tree;
    }
    if (!node) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === last || key.startsWith(`${last}_`)) into[key] = value;
    }
  }
  return prune(found);
}

/** Drops the branches opened on the way to a key that was not there. */
function prune(tree: Tree): Tree {
  const kept: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    const branch = typeof value === 'object' ? prune(value) : value;
    if (typeof branch === 'string' || Object.keys(branch).length > 0) kept[key] = branch;
  }
  return kept;
}

/**
 * Chinese messages travel with the code that shows them instead of all in the entry chunk: each
 * module under `src/` that names message keys gets the Chinese texts of those keys added to
 * i18next when it loads, before anything it renders asks for them. A phone opening the finder
 * does not download the texts of the director's and the officials' screens. The source of truth
 * stays the one `zh-CN.json` that the keys test reads; English is loaded whole, and only by those
 * who choose it (see i18n/index.ts).
 */
export function splitMessages(options: { srcDir: string; messages: string; register: string }): Plugin {
  let tree: Tree | undefined;
  const i18nDir = path.dirname(options.messages);
  return {
    name: 'tuoyu-split-messages',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('?') || !/\.tsx?$/.test(id) || !id.startsWith(options.srcDir) || id.startsWith(i18nDir)) return undefined;
      // Read per build (and again after an edit in development, when Vite re-transforms).
      this.addWatchFile(options.messages);
      tree ??= JSON.parse(fs.readFileSync(options.messages, 'utf8')) as Tree;
      const messages = messagesNamed(code, tree);
      if (Object.keys(messages).length === 0) return undefined;
      const header = `import { addMessages as __tuoyuAddMessages } from ${JSON.stringify(options.register)}; __tuoyuAddMessages(${JSON.stringify(messages)});`;
      // On the first line, so the module's own lines only shift by one in source maps.
      return { code: `${header}\n${code}`, map: null };
    },
    watchChange(id) {
      if (id === options.messages) tree = undefined;
    },
  };
}
