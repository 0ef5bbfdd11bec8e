import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesNamed, type Tree } from '../scripts/viteMessages.ts';

const tree: Tree = {
  app: { name: '托育服务平台', retry: '重试' },
  search: { nav: '找托育', order: { distance: '按距离', name: '按名称' }, total_one: '1 家', total_other: '{{count}} 家' },
  growth: { title: '生长评价', class: { normal: '正常' } },
};

describe('the messages a web module carries', () => {
  it('takes the keys it names, in calls and in tables, and nothing else', () => {
    const code = `const nav = { home: 'app.name' }; t('search.nav'); <Trans i18nKey="app.retry" />`;
    expect(messagesNamed(code, tree)).toEqual({ app: { name: '托育服务平台', retry: '重试' }, search: { nav: '找托育' } });
  });

  it('takes the whole subtree a computed key starts in', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template literal, as the plugin reads it.
    expect(messagesNamed('t(`search.order.${o}`)', tree)).toEqual({ search: { order: { distance: '按距离', name: '按名称' } } });
    expect(messagesNamed("t('growth.' + part)", tree)).toEqual({ growth: tree.growth });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: as above.
    expect(messagesNamed('t(`growth.${part}`)', tree)).toEqual({ growth: tree.growth });
  });

  it('takes the plural forms of a key', () => {
    expect(messagesNamed("t('search.total', { count })", tree)).toEqual({ search: { total_one: '1 家', total_other: '{{count}} 家' } });
  });

  it('ignores strings that are not keys', () => {
    expect(messagesNamed("import x from './a.ts'; const u = 'search.missing'; 'e.g. app'; 'app.name.deeper'", tree)).toEqual({});
  });
});

describe('the web app', () => {
  it('carries, in each module, every literal key that module asks for', () => {
    const web = path.resolve(import.meta.dirname, '../src/web');
    const messages = JSON.parse(fs.readFileSync(path.join(web, 'i18n/zh-CN.json'), 'utf8')) as Tree;
    const lookup = (t: Tree, key: string) => key.split('.').reduce<unknown>((n, part) => (n as Tree | undefined)?.[part], t);
    const files = fs.readdirSync(web, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'));
    const missing: string[] = [];
    let asked = 0;
    for (const file of files) {
      const code = fs.readFileSync(path.join(web, file), 'utf8');
      const carried = messagesNamed(code, messages);
      for (const match of code.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        asked++;
        if (lookup(carried, match[1] as string) === undefined) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(asked).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });
});
