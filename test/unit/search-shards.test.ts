import { describe, expect, it } from 'vitest';
import { chooseBundles, type SplitLexicon } from '../../src/lib/search-bundles.ts';
import {
  buildT2s,
  buildVocabulary,
  choosePins,
  commonWords,
  hanCharacters,
  loadJieba,
  makePlace,
  makeWordCounter,
  siteWords,
} from '../../src/lib/search-lexicon.ts';
import { planQuery } from '../../src/lib/search-query.ts';
import {
  makeLexiconLoader,
  shardLexicon,
  shardVocabulary,
  VOCABULARY_SHARD_BYTES,
  VOCABULARY_SHARDS_MAX,
  vocabularyShardCount,
  type LexiconCore,
  type SearchVocabulary,
  type ShardSet,
} from '../../src/lib/search-shards.ts';
import { loadVocabularyFor } from '../../src/lib/search-suggest.ts';
import { suggestQuery } from '../../src/lib/search-suggest.ts';
import { SEARCH_LANGUAGE } from '../../src/lib/search-synonyms.ts';
import { PLACE_FIRST, PLACE_LAST, PLACE_MIDDLE } from '../../bench/gen/words.ts';

/** Two townships' pages, as the build counts them. */
const PAGES = [
  ['马曲村2025年第三季度低保公示：低保对象3户，每户每月发放低保金。', '村务监督委员会审核签字。一事一议：村道硬化，道路硬化工程完工。'],
  ['东兴村饮水工程：供水管网改造，自来水入户。', '村干部误工补贴发放。特困供养人员名单。宅基地审批公示。光伏电站收益。'],
];
const counter = makeWordCounter(await loadJieba());
for (const texts of PAGES) for (const t of texts) counter.add(t);
const chars = hanCharacters(PAGES.flat());
const perBundle = PAGES.map((texts) => hanCharacters(texts));
const allChars = [...chars].sort().join('');
const places = [
  makePlace('马曲村', 'village', ['maqu']),
  makePlace('东兴村', 'village', ['dongxing']),
  makePlace('东南镇', 'township'),
  makePlace('城关镇', 'township'),
];
const WHOLE: SplitLexicon = {
  places,
  t2s: buildT2s(chars),
  words: siteWords(counter.pages).join(' '),
  common: commonWords(siteWords(counter.pages), counter.pages, 4).join(' '),
  pins: choosePins(counter.occurrences),
  quarters: ['2025年第三季度'],
  pages: 4,
  ...SEARCH_LANGUAGE,
  directory: {
    chars: allChars,
    bundles: perBundle.map((own, i) => ({
      id: `b${i}`,
      townships: [['东南镇'], ['城关镇']][i]!,
      villages: [['马曲村'], ['东兴村']][i]!,
      pages: 2,
      bytes: 20_000,
      missing: Array.from(allChars)
        .filter((c) => !own.has(c))
        .join(''),
    })),
  },
};

/** The lexicon as written to files (JSON) and loaded by the search page, counting the shard files it asks for. */
function sharded(count: number) {
  const { core, shards } = shardLexicon(WHOLE, count);
  const files = shards.map((s) => JSON.stringify(s));
  const set: ShardSet = { folder: 'lexicon-test', count };
  const asked: number[] = [];
  const loader = makeLexiconLoader(JSON.parse(JSON.stringify({ ...core, shards: { lexicon: set, vocabulary: set } })) as LexiconCore, (_, i) => {
    asked.push(i);
    return Promise.resolve(JSON.parse(files[i]!) as never);
  });
  return { loader, asked };
}

const QUERIES = [
  '低保',
  '低保户',
  '理财小组',
  '自來水',
  'maqu 低保',
  '村里修路花了多少钱',
  '东兴村饮水',
  '请问低保多少钱',
  '2025年第三季度 马曲村',
  '记-07-003',
  '12500',
  '五保老人',
  '村官工资',
  '特困',
  '东南镇 宅基地',
  '二〇二五年七月二十二日',
  '叁仟陆佰元',
  '東興村 ２０２５年９月',
];

describe('the search lexicon in shards (a first query downloads what its characters need)', () => {
  it.each(QUERIES)('plans %s and chooses its bundles exactly as the whole lexicon does', async (query) => {
    const { loader } = sharded(8);
    const lexicon = await loader.forQuery(query);
    const plan = planQuery(query, lexicon);
    expect(plan).toEqual(planQuery(query, WHOLE));
    expect(chooseBundles(lexicon.directory, plan, {})).toEqual(chooseBundles(WHOLE.directory, planQuery(query, WHOLE), {}));
  });

  it.each(['东兴村', '马曲村'])('a search filtered to %s loads the shard of its name and opens the same bundle as the whole lexicon', async (village) => {
    const { loader } = sharded(8);
    const lexicon = await loader.forQuery('低保', [village]);
    const plan = planQuery('低保', lexicon);
    expect(chooseBundles(lexicon.directory, plan, { village })).toEqual(chooseBundles(WHOLE.directory, planQuery('低保', WHOLE), { village }));
  });

  it('names no village in the core, so a county of 1,000 villages has a core as small as one of 2', () => {
    const { core } = shardLexicon(WHOLE, 8);
    const text = JSON.stringify(core);
    for (const p of places.filter((x) => x.kind === 'village')) expect(text).not.toContain(p.name);
    // 998 more villages in the same two bundles: the core is byte for byte the same, the shards carry them.
    const more = Array.from({ length: 998 }, (_, i) => `新${String.fromCodePoint(0x4e00 + i)}村`);
    const big: SplitLexicon = {
      ...WHOLE,
      places: [...WHOLE.places, ...more.map((name) => makePlace(name, 'village'))],
      directory: {
        ...WHOLE.directory,
        bundles: WHOLE.directory.bundles.map((b, i) => ({ ...b, villages: [...b.villages, ...more.filter((_, j) => j % 2 === i)] })),
      },
    };
    const sharded = shardLexicon(big, 8);
    expect(JSON.stringify(sharded.core)).toBe(text);
    expect(sharded.shards.flatMap((x) => x.places.map((p) => p.name))).toEqual(expect.arrayContaining(more));
  });

  it('marks the words on more than one record page in ten as common, and loads them with the shards of their characters', async () => {
    expect(
      commonWords(
        ['低保', '光伏', '宅基地'],
        new Map([
          ['低保', 11],
          ['光伏', 10],
        ]),
        100,
      ),
    ).toEqual(['低保1']);
    expect(
      commonWords(
        ['低保', '村民', '村'],
        new Map([
          ['低保', 19],
          ['村民', 45],
          ['村', 100],
        ]),
        100,
      ),
    ).toEqual(['低保1', '村民3', '村4']);
    const { loader } = sharded(8);
    const lexicon = await loader.forQuery('低保 光伏电站');
    const loaded = (lexicon.common ?? '').split(' ').filter(Boolean);
    expect(loaded.map((w) => w.slice(0, -1))).toEqual(expect.arrayContaining(['低保', '光伏']));
    for (const w of loaded) expect(WHOLE.common?.split(' ')).toContain(w);
  });

  it('loads only the shards of the characters typed: 低保 asks for at most two of eight files', async () => {
    const { loader, asked } = sharded(8);
    await loader.forQuery('低保');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThanOrEqual(2);
  });

  it('loads no shard for the characters the query is rewritten from: a date said in Chinese numerals reads those of the date as digits', async () => {
    const spoken = sharded(64);
    await spoken.loader.forQuery('二〇二五年七月二十二日');
    const typed = sharded(64);
    await typed.loader.forQuery('2025年7月22日');
    expect(new Set(spoken.asked)).toEqual(new Set(typed.asked));
    expect(spoken.asked.length).toBeLessThan(new Set(Array.from('二〇二五年七月二十二日')).size);
  });

  it('asks for each shard once in a visit, however many queries need it', async () => {
    const { loader, asked } = sharded(8);
    await loader.forQuery('低保');
    await loader.forQuery('低保户');
    await loader.forQuery('低保');
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('keeps the build’s order of places, so a pinyin key naming two places lists them as before', async () => {
    const { loader } = sharded(8);
    const lexicon = await loader.forQuery('maqu dongxing 东南镇 城关镇');
    expect(lexicon.places.map((p) => p.name)).toEqual(places.map((p) => p.name));
  });
});

describe('the did-you-mean vocabulary in shards (loaded by syllable after a miss)', () => {
  const vocab = buildVocabulary(
    counter.pages,
    places.map((p) => p.name),
  );
  const count = 16;
  const files = shardVocabulary(vocab, count).map((s) => JSON.stringify(s));
  const set: ShardSet = { folder: 'vocabulary-test', count };
  const load = (query: string) => {
    const asked: number[] = [];
    const vocabulary = loadVocabularyFor(query, set, (_, i) => {
      asked.push(i);
      return Promise.resolve(JSON.parse(files[i]!) as never);
    });
    return { vocabulary, asked };
  };

  it.each(['低宝', 'dibao', 'zhai ji di', '马区村', '马区村低保', '特因供养', '一是一议', '合作医疗', '村到硬化'])(
    'corrects %s as the whole vocabulary does',
    async (query) => {
      expect(suggestQuery(query, await load(query).vocabulary)).toBe(suggestQuery(query, vocab));
    },
  );

  it('corrects a misspelt word, pinyin typed in letters and a misspelt village: 低宝 → 低保, dibao → 低保, 马区村 → 马曲村', async () => {
    expect(suggestQuery('低宝', await load('低宝').vocabulary)).toBe('低保');
    expect(suggestQuery('dibao', await load('dibao').vocabulary)).toBe('低保');
    expect(suggestQuery('马区村', await load('马区村').vocabulary)).toBe('马曲村');
  });

  it('reads only some of the shards for a two-character typo', async () => {
    const { vocabulary, asked } = load('低宝');
    await vocabulary;
    expect(new Set(asked).size).toBeLessThan(count / 2);
  });
});

describe('the did-you-mean vocabulary of a bigger county (issue 18)', () => {
  /** `n` village names made as the generated counties make them (bench/gen): 王家庄村, 李堡村 … every one with 村. */
  const villages = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `${PLACE_FIRST[i % PLACE_FIRST.length]![0]}${i % 3 === 0 ? PLACE_MIDDLE[(i >> 2) % PLACE_MIDDLE.length]![0] : ''}${PLACE_LAST[(i * 13) % PLACE_LAST.length]![0]}${Math.floor(i / 500) || ''}村`,
    );
  /** What did-you-mean downloads for `query` in a county of the demo's pages and `n` more villages, as the build shards it. */
  const loaded = async (query: string, n: number) => {
    const vocab: SearchVocabulary = buildVocabulary(counter.pages, [...places.map((p) => p.name), ...villages(n)]);
    const count = vocabularyShardCount(vocab, VOCABULARY_SHARD_BYTES, VOCABULARY_SHARDS_MAX);
    const files = shardVocabulary(vocab, count).map((s) => JSON.stringify(s));
    let bytes = 0;
    const part = await loadVocabularyFor(query, { folder: 'vocabulary-test', count }, (_, i) => {
      bytes += Buffer.byteLength(files[i]!);
      return Promise.resolve(JSON.parse(files[i]!) as never);
    });
    return { bytes, corrected: suggestQuery(query, part), whole: suggestQuery(query, vocab) };
  };

  it('downloads about as much for a misspelt village at 1,000 villages as at 100, and corrects it the same: 马区村 → 马曲村', async () => {
    const small = await loaded('马区村', 100);
    const big = await loaded('马区村', 1000);
    expect([small.corrected, big.corrected, big.whole]).toEqual(['马曲村', '马曲村', '马曲村']);
    // Keyed by one syllable, every village's 村 (cun) was in the shard this query loads: ten times the villages, about
    // ten times the bytes (18–27 KB gzipped at 1,000 villages in session 14).
    expect(big.bytes).toBeLessThan(1.5 * small.bytes);
  });

  it.each(['特因供养', '低宝', '一是一议', 'dibao', 'zhai ji di'])('corrects %s at 1,000 villages as the whole vocabulary does', async (query) => {
    const { corrected, whole } = await loaded(query, 1000);
    expect(corrected).toBeDefined();
    expect(corrected).toBe(whole);
  });
});
