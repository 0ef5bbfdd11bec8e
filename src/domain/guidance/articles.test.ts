import { describe, expect, it } from 'vitest';
import { flagsOf, hostAllowed } from './articles.ts';

describe('article links', () => {
  it('a listed host allows itself and its subdomains, nothing that merely ends alike', () => {
    expect(hostAllowed('lyg.gov.cn', ['gov.cn'])).toBe(true);
    expect(hostAllowed('WJW.LYG.GOV.CN.', ['gov.cn'])).toBe(true);
    expect(hostAllowed('gov.cn', ['gov.cn'])).toBe(true);
    expect(hostAllowed('evilgov.cn', ['gov.cn'])).toBe(false);
    expect(hostAllowed('gov.cn.evil.example', ['gov.cn'])).toBe(false);
    expect(hostAllowed('anything.example', ['', '.'])).toBe(false);
  });

  it('flags link text that names another host, links nobody can see and invisible characters in text', () => {
    const allowed = ['gov.cn'];
    expect(flagsOf([{ href: 'https://wjw.lyg.gov.cn/a', text: 'wjw.lyg.gov.cn', host: 'wjw.lyg.gov.cn' }], ['正文'], allowed)).toEqual([]);
    expect(flagsOf([{ href: 'https://spam.example/', text: '访问 www.lyg.gov.cn', host: 'spam.example' }], [], allowed)).toEqual([
      { kind: 'host_not_allowed', href: 'https://spam.example/', host: 'spam.example' },
      { kind: 'text_hides_host', href: 'https://spam.example/', text: '访问 www.lyg.gov.cn' },
    ]);
    expect(flagsOf([{ href: '/search', text: ' \u200b ', host: null }], [], allowed)).toEqual([
      { kind: 'invisible_link', href: '/search' },
    ]);
    expect(flagsOf([], ['买药\u200b加微信'], allowed)).toEqual([{ kind: 'invisible_text', text: '买药\u200b加微信' }]);
  });
});
