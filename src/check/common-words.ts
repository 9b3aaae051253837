/**
 * Whether a two-character person's name is also a common word of written Chinese (文明, 高峰, 建国, 黄河): in a record's
 * text it is far more often the word (文明家庭评选, 避开用电高峰) than the person, so the privacy scans ask the clerk to
 * look instead of stopping the build (src/lib/privacy.ts `findNameInText`). The measure is jieba's dictionary
 * (@node-rs/jieba's dict.txt, already a build dependency for the search lexicon): a word's frequency in its corpus, at
 * least {@link COMMON_WORD_FREQUENCY}. Names there less often stay names (王明 368, 海燕 87, 文静 74). Read the first time
 * a two-character name asks, once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** 文明 6,584, 黄河 3,241, 建国 3,083, 高峰 1,556 are common words; 王明 368, 金山 291 are read as names. */
const COMMON_WORD_FREQUENCY = 1000;

let dictionary: string | undefined;
const known = new Map<string, boolean>();

export function isCommonWord(word: string): boolean {
  let common = known.get(word);
  if (common === undefined) {
    dictionary ??= `\n${readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'), 'utf8')}`;
    const at = dictionary.indexOf(`\n${word} `);
    const from = at + word.length + 2;
    common = at >= 0 && Number(dictionary.slice(from, dictionary.indexOf(' ', from))) >= COMMON_WORD_FREQUENCY;
    known.set(word, common);
  }
  return common;
}
