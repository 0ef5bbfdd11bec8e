import type { Transaction } from 'kysely';
import type { ArticleCategory } from '../../../../domain/guidance/articles.ts';
import type { DB } from '../../../db/schema.ts';
import { createAccount } from '../../../platform/auth/accounts.ts';
import type { ArticleContent } from './content.ts';
import * as q from './queries.ts';
import { renderArticleHtml } from './render.ts';
import { columns, saveRevision } from './service.ts';

/** A second official of the city health commission, so every demo article has an author and another approver. */
export const DEMO_EDITOR = { phone: '13900000016', name: '孙审核（市卫健委）' };

type DemoArticle = { slug: string; category: ArticleCategory; title: string; summary: string; paragraphs: (string | [string, string])[] };

const GOV_LINK = 'https://wjw.lyg.gov.cn/';

/** A dozen articles about Lianyungang's childcare services; a pair [text, href] is a link. */
const ARTICLES: DemoArticle[] = [
  {
    slug: 'inclusive-places-2025',
    category: 'policy',
    title: '连云港市推进普惠托育服务体系建设',
    summary: '到2025年，全市每千人口拥有3岁以下婴幼儿托位数达到4.5个，实现“一乡镇一街道一普惠”。',
    paragraphs: [
      '市卫健委会同有关部门推进普惠托育服务体系建设，目标是到2025年全市每千人口拥有3岁以下婴幼儿托位数达到4.5个。',
      '全市已建成普惠托育试点机构35家，其中省级试点12家、示范机构3家。各县区按照“一乡镇一街道一普惠”的要求，补齐农村托育短板。',
      ['政策原文见市卫健委网站', GOV_LINK],
    ],
  },
  {
    slug: 'consumption-vouchers',
    category: 'policy',
    title: '托育服务消费补贴券发放说明',
    summary: '全市安排100万元托育服务消费补贴券，家长可在备案的普惠托育机构使用。',
    paragraphs: [
      '为减轻家庭托育负担，我市安排100万元托育服务消费补贴券，面向3岁以下婴幼儿家庭发放。',
      '补贴券可在已备案、提供普惠托位的托育机构抵扣保育费，每张券有使用期限，逾期自动失效。',
      '家长登录本平台即可查看可领取的补贴券和可使用的机构。',
    ],
  },
  {
    slug: 'residential-utility-prices',
    category: 'policy',
    title: '备案托育机构用水用电用气执行居民价格',
    summary: '已备案的托育机构可申请执行居民生活类水电气价格，减轻运营成本。',
    paragraphs: [
      '按照国家和省有关规定，已备案的托育机构用水、用电、用气执行居民生活类价格。',
      '机构负责人在平台提交证明申请，经区县卫健局审核后生成证明，供水、供电、供气单位可在线核验。',
    ],
  },
  {
    slug: 'tax-deduction-under-3',
    category: 'policy',
    title: '3岁以下婴幼儿照护个人所得税专项附加扣除',
    summary: '父母可按每个婴幼儿每月的标准定额扣除，全市已累计减税498万元。',
    paragraphs: [
      '纳税人照护3岁以下婴幼儿子女的相关支出，可以按照标准定额扣除，父母双方可选择由一方全额扣除或各扣除一半。',
      '家长可在平台下载按月列明的照护情况，作为申报时核对的依据。',
    ],
  },
  {
    slug: 'guidance-center-classes',
    category: 'parenting',
    title: '指导中心开设爬爬班、走走班、跳跳班',
    summary: '市婴幼儿照护服务指导中心按月龄开班，医育结合，家长可在线预约。',
    paragraphs: [
      '连云港市婴幼儿照护服务指导中心设在市妇幼保健院，按月龄开设爬爬班（6—12个月）、走走班（1—2岁）和跳跳班（2—3岁）。',
      '课程由儿童保健医生和早期教育老师共同设计，把健康管理和早期发展结合在一起。',
      '家长可在平台查看课程安排并预约名额。',
    ],
  },
  {
    slug: 'sleep-routines',
    category: 'parenting',
    title: '帮助宝宝建立规律睡眠',
    summary: '固定的睡前程序、适宜的室温和光线，有助于婴幼儿养成良好的睡眠习惯。',
    paragraphs: [
      '婴幼儿的睡眠需要从小培养。每天在相近的时间洗澡、换睡衣、讲故事，再关灯入睡，能让宝宝形成睡前的信号。',
      '卧室保持安静、光线柔和、温度适中。宝宝夜里醒来时，先观察片刻，不必立即抱起。',
    ],
  },
  {
    slug: 'first-foods',
    category: 'parenting',
    title: '6月龄起如何添加辅食',
    summary: '满6月龄开始添加辅食，从富含铁的泥糊状食物开始，逐步增加种类和稠度。',
    paragraphs: [
      '世界卫生组织建议，婴儿满6月龄后在继续母乳喂养的同时添加辅食。第一口辅食宜选择强化铁的米粉或肉泥。',
      '每次只添加一种新食物，观察两到三天无不适后再添加下一种。1岁以内的辅食不加盐和糖。',
    ],
  },
  {
    slug: 'home-safety',
    category: 'parenting',
    title: '居家安全：预防跌落、烫伤和窒息',
    summary: '婴幼儿意外伤害多发生在家中，做好防护可以避免大多数危险。',
    paragraphs: [
      '窗户加装限位器，床边加护栏，不让宝宝独自留在高处。热水、热汤放在宝宝够不到的地方。',
      '花生、果冻、硬币、纽扣电池等小物件要收好，防止误吞造成窒息。',
    ],
  },
  {
    slug: 'director-training-2026',
    category: 'news',
    title: '全市托育机构负责人培训班开班',
    summary: '指导中心为全市托育机构负责人举办培训，免费发放园长培训教材。',
    paragraphs: [
      '市婴幼儿照护服务指导中心举办全市托育机构负责人培训班，各县区托育机构负责人参加培训。',
      '培训内容包括托育机构设置标准、卫生保健、安全管理和回应性照护，每位学员领取一册园长培训教材。',
    ],
  },
  {
    slug: 'township-coverage',
    category: 'news',
    title: '普惠托育服务向乡镇延伸',
    summary: '今年新增一批乡镇普惠托育点，农村家庭在家门口就能送托。',
    paragraphs: [
      '今年我市新增一批乡镇普惠托育服务点，依托乡镇卫生院和幼儿园开设托班。',
      '市卫健委将继续按乡镇街道跟踪普惠托育覆盖情况，推动城乡托育服务均衡发展。',
    ],
  },
  {
    slug: 'lecture-responsive-care',
    category: 'lecture',
    title: '讲座回顾：回应性照护从读懂宝宝开始',
    summary: '指导中心专家讲座在线举行，介绍如何观察和回应婴幼儿的需求。',
    paragraphs: [
      '本期专家讲座通过“互联网+托育”平台在线举行，指导中心儿童保健专家讲解了回应性照护的要点。',
      '专家建议家长多观察宝宝的表情和动作，及时、温和地回应，与宝宝多说话、多互动。',
      '讲座回放可在平台课程页面观看。',
    ],
  },
  {
    slug: 'lecture-parent-class-language',
    category: 'lecture',
    title: '家长课堂回顾：和宝宝一起阅读',
    summary: '亲子阅读能促进婴幼儿语言发展，家长课堂分享了选书和共读的方法。',
    paragraphs: [
      '本期家长课堂邀请早期教育老师分享亲子阅读的方法。1岁以内可选择布书、纸板书，图案简单、色彩鲜明。',
      '共读时不必逐字读完，可以指着图画和宝宝说话，让阅读成为每天愉快的亲子时光。',
    ],
  },
];

function contentOf(paragraphs: DemoArticle['paragraphs']): ArticleContent {
  return {
    type: 'doc',
    content: paragraphs.map((p) => ({
      type: 'paragraph' as const,
      content: [
        typeof p === 'string'
          ? { type: 'text' as const, text: p }
          : { type: 'text' as const, text: p[0], marks: [{ type: 'link' as const, attrs: { href: p[1] } }] },
      ],
    })),
  };
}

/**
 * Twelve published articles by two officials, each approved by the other, published on
 * successive days before `now`; written through the same rendering as any article.
 */
export async function seedArticleDemo(trx: Transaction<DB>, input: { now: Date; passwordHash: string; cityOfficialId: string }) {
  const editorId = await createAccount(trx, { phone: DEMO_EDITOR.phone, name: DEMO_EDITOR.name, passwordHash: input.passwordHash }, [
    { role: 'city_official', divisionCode: '320700' },
  ]);
  const officials = [input.cityOfficialId, editorId];
  for (const [i, article] of ARTICLES.entries()) {
    const author = officials[i % 2] as string;
    const approver = officials[(i + 1) % 2] as string;
    const at = new Date(input.now.getTime() - (ARTICLES.length - i) * 86_400_000);
    const content = contentOf(article.paragraphs);
    const html = renderArticleHtml(content, []);
    const externalLinks = article.paragraphs
      .filter((p) => typeof p !== 'string')
      .map(([text, href]) => ({ text, href, host: new URL(href).hostname }));
    const body = { slug: article.slug, category: article.category, title: article.title, summary: article.summary, content };
    const id = await q.insertArticle(trx, {
      ...columns(body, html, externalLinks),
      status: 'published',
      author_id: author,
      submitted_by: author,
      approved_by: approver,
      approved_at: at,
      published_at: at,
      created_at: at,
      updated_at: at,
    });
    await saveRevision(trx, id, 1, body, html, author, at);
    for (const [action, from, to, actor] of [
      ['submit', 'draft', 'submitted', author],
      ['approve', 'submitted', 'approved', approver],
      ['publish', 'approved', 'published', approver],
    ] as const)
      await q.insertEvent(trx, { article_id: id, action, from_status: from, to_status: to, actor_id: actor, note: null, at });
  }
}
