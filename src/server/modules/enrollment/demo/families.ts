import { ClassStandard, type ClassType } from '../../../../domain/classes/classTypes.ts';
import { ageUpDate } from '../../../../domain/dates/childAge.ts';
import { addMonthsIso, compareIso, parseIsoDate, toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import type { Prng } from '../../../../domain/random/prng.ts';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭', '林', '何', '高', '梁'];
const CHILD_NAMES = [
  '子涵',
  '欣怡',
  '梓萱',
  '浩宇',
  '宇轩',
  '一诺',
  '诗涵',
  '俊熙',
  '若汐',
  '沐阳',
  '思远',
  '语桐',
  '梓睿',
  '可欣',
  '晨曦',
  '亦辰',
  '嘉怡',
  '铭泽',
  '安琪',
  '子墨',
];
const ADULT_NAMES = ['建国', '丽娟', '晓燕', '海涛', '春梅', '志强', '婷婷', '磊', '静', '伟', '秀英', '明'];

export function childName(prng: Prng, surname = prng.pick(SURNAMES)) {
  return `${surname}${prng.pick(CHILD_NAMES)}`;
}

export function adultName(prng: Prng, surname = prng.pick(SURNAMES)) {
  return `${surname}${prng.pick(ADULT_NAMES)}`;
}

export function surnameOf(name: string) {
  return name.slice(0, 1);
}

/** A demo phone number in a block no demo account uses: 137 0518 xxxx (0518 is Lianyungang's area code). */
export function familyPhone(n: number) {
  return `1370518${String(n).padStart(4, '0')}`;
}

/** A birth date that puts the child in the class type's age band on `today` (托育机构设置标准（试行）). */
export function birthDateFor(prng: Prng, classType: ClassType, today: string) {
  const { minAgeMonths, maxAgeMonths } = ClassStandard[classType];
  const months = prng.int(minAgeMonths, maxAgeMonths - 1);
  const monthDay = addMonthsIso(today, -months);
  // Back a few days within the same completed month, never into the next band.
  const back = prng.int(0, 20);
  return toShanghaiDate(parseIsoDate(monthDay).getTime() - back * 86_400_000);
}

/**
 * When the child started: the first of a month one to ten months ago, a few mid last month,
 * never before the child was 6 months old (institutions take children from 6 months).
 */
export function startDateFor(prng: Prng, birthDate: string, today: string, monthsAgo?: number) {
  const firstOfThisMonth = `${today.slice(0, 7)}-01`;
  const start =
    monthsAgo !== undefined
      ? addMonthsIso(firstOfThisMonth, -monthsAgo)
      : prng.next() < 0.1
        ? `${addMonthsIso(firstOfThisMonth, -1).slice(0, 7)}-16`
        : addMonthsIso(firstOfThisMonth, -prng.int(1, 10));
  const sixMonths = ageUpDate(birthDate, 6);
  return compareIso(start, sixMonths) < 0 ? sixMonths : start;
}
