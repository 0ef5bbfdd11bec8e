import type { OperatorType } from '../../../../domain/institutions/vocabulary.ts';
import type { Prng } from '../../../../domain/random/prng.ts';

// Word lists for demo names and addresses; every institution and person here is fictitious.

const BRANDS = [
  '小太阳',
  '贝贝',
  '金摇篮',
  '阳光',
  '童心',
  '禾苗',
  '彩虹',
  '爱心',
  '启蒙',
  '星星',
  '向日葵',
  '萌芽',
  '小海豚',
  '蓝天',
  '快乐宝贝',
  '七色花',
  '小脚丫',
  '棒棒糖',
  '花果山',
  '海之星',
  '优贝',
  '可爱多',
  '小橡树',
  '蒲公英',
  '育苗',
  '悦宝',
  '童趣',
  '小蜜蜂',
  '启航',
  '朝阳',
  '春芽',
  '晨曦',
  '暖暖',
  '乐乐',
  '小星辰',
  '好时光',
  '欣欣',
  '小天使',
];

const SUFFIX: Record<OperatorType, string[]> = {
  public: ['公办托育中心', '托育服务中心'],
  private_nonprofit: ['托育园', '婴幼儿照护中心'],
  private_for_profit: ['托育园', '早教托育中心', '婴幼儿照护中心', '托育中心'],
  employer: ['职工托育中心', '职工子女托育点'],
  community: ['社区托育点', '社区嵌入式托育中心'],
  kindergarten_attached: ['幼儿园托班', '中心幼儿园托班'],
  family_point: ['家庭托育点'],
};

const ROADS = [
  '人民路',
  '建设路',
  '解放路',
  '朝阳路',
  '海连路',
  '通灌路',
  '郁州路',
  '凤凰大道',
  '花果山大道',
  '振兴路',
  '新华路',
  '幸福路',
  '团结路',
  '民主路',
  '青年路',
  '新港路',
  '苍梧路',
  '巨龙路',
  '瀛洲路',
  '学院路',
  '和平路',
  '文化路',
  '富民路',
  '迎宾路',
];

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '朱',
  '马',
  '胡',
  '郭',
  '林',
  '何',
  '高',
  '梁',
  '宋',
  '郑',
  '许',
  '韩',
];
const GIVEN = [
  '静',
  '敏',
  '丽',
  '娟',
  '芳',
  '霞',
  '艳',
  '婷',
  '雪',
  '颖',
  '玲',
  '琳',
  '倩',
  '洁',
  '慧',
  '晶',
  '燕',
  '红',
  '梅',
  '兰',
  '欣怡',
  '雨涵',
  '佳琪',
  '晓燕',
  '思雨',
  '海燕',
  '春梅',
  '秀英',
  '建华',
  '志强',
];

/** A township's short name: 新浦街道 → 新浦, 青口镇 → 青口. */
export function shortName(township: string): string {
  return township.replace(/(街道|镇|乡|农场|林场|盐场)$/, '');
}

export function institutionName(prng: Prng, township: string, operator: OperatorType, taken: Set<string>): string {
  const place = shortName(township).slice(0, 6);
  let name = '';
  for (let attempt = 0; attempt < 8 && (name === '' || taken.has(name)); attempt++) {
    name = `${place}${prng.pick(BRANDS)}${prng.pick(SUFFIX[operator])}`;
  }
  for (let n = 2; taken.has(name); n++) name = `${name.replace(/分园\d*$/, '')}分园${n}`;
  taken.add(name);
  return name;
}

export function personName(prng: Prng): string {
  return prng.pick(SURNAMES) + prng.pick(GIVEN);
}

export function address(prng: Prng, district: string, township: string): string {
  return `${district}${township}${prng.pick(ROADS)}${prng.int(1, 999)}号`;
}
