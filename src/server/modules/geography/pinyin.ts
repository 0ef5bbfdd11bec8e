import { pinyin } from 'pinyin-pro';

/** Full pinyin without tones ("hai zhou qu") and initials ("hzq"), for search by either. */
export function pinyinOf(name: string): { pinyin: string; initials: string } {
  return {
    pinyin: pinyin(name, { toneType: 'none', nonZh: 'consecutive' }).toLowerCase(),
    initials: pinyin(name, { pattern: 'first', toneType: 'none', separator: '', nonZh: 'removed' }).toLowerCase(),
  };
}
