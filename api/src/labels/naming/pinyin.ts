// Pinyin as the Label type documents it: toneless, lower case, one syllable per Chinese character separated by
// spaces, ü written as v. Derived by the server so it always follows the Chinese name (pinyin-pro reads words,
// so polyphones such as 行李箱 xing li xiang come out right).
import { pinyin } from 'pinyin-pro';

export function pinyinOf(zh: string): string {
  return pinyin(zh, { toneType: 'none', v: true, nonZh: 'removed' })
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
