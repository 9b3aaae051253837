/**
 * The leaves of the publication log, from the demo county's records: each digest is the SHA-256 of
 * the record's own published data (src/records/content.ts), the value every 核对码 is cut from; how
 * a record is presented (poster wording, the village's phone, the county's address and hotline) is
 * not part of it; private persons' names are masked in it as on the web; the log stamp on a poster
 * re-renders it without changing its 核对码.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildLogLeaves } from '../../src/integrations/publication-log.ts';
import { getCacheKey } from '../../src/posters/cache.ts';
import { buildPosterDocs, buildVillagePosterDocs } from '../../src/posters/documents.ts';
import { getLoggedFingerprints, stampPosterDoc } from '../../src/posters/plan.ts';
import { SIZES } from '../../src/posters/sizes.ts';
import { getLayoutFonts } from '../../src/posters/fonts.ts';
import { layoutPoster } from '../../src/posters/layout.ts';
import { formatContent, getContentFacts, listChangedFields } from '../../src/records/content.ts';
import { demoCounty, demoDocs, layoutTexts, logPlanOf } from '../helpers/posters.ts';

const posterOf = (leaf: { village: string; kind: string; id: string }) => {
  const folder = { disclosure: 'disclosures', ledger: 'finances', notice: 'notices', meeting: 'meetings' }[leaf.kind];
  return demoDocs().find((d) => d.village.id === leaf.village && d.record.folder === folder && d.record.id === leaf.id);
};

describe('publication log leaves', () => {
  it("give every published poster one leaf whose digest is the SHA-256 of the record's published content, the poster's 核对码 cut from it", () => {
    const logged = buildLogLeaves(demoCounty());
    expect(logged.length).toBeGreaterThan(10);
    const keys = logged.map(({ leaf }) => `${leaf.village}/${leaf.kind}/${leaf.id}@${leaf.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(logged.length).toBe(demoDocs().filter((d) => d.publishedAt).length);
    for (const { leaf, record } of logged) {
      expect(leaf.scheme).toBe(2);
      expect(createHash('sha256').update(formatContent(record.content)).digest('hex')).toBe(leaf.digest);
      const doc = posterOf(leaf)!;
      expect(doc.fingerprint).toBe(`${leaf.digest.slice(0, 4)}-${leaf.digest.slice(4, 8)}`.toUpperCase());
      expect(doc.publishedAt).toBe(leaf.publishedAt);
      expect(doc.version).toBe(leaf.version);
    }
  });

  it('name the record a correction supersedes, with a higher version', () => {
    const corrections = buildLogLeaves(demoCounty()).filter(({ leaf }) => leaf.supersedes);
    expect(corrections.length).toBeGreaterThan(0);
    for (const { leaf } of corrections) expect(leaf.version).toBeGreaterThan(1);
  });

  it('keep the same digests (and 核对码) when the county moves its site, changes its hotline, or a village its phone and name — all printed on posters', () => {
    const county = demoCounty();
    const moved = {
      ...county,
      site: { ...county.site, baseUrl: 'https://gongkai.other.example.cn/sub/', hotline: '0917-4600000' },
      villages: county.villages.map((v) => ({ ...v, data: { ...v.data, phone: '0917-9999999', name: `${v.data.name}新` } })),
    };
    const a = buildLogLeaves(county);
    const b = buildLogLeaves(moved);
    expect(b.map((r) => r.leaf)).toEqual(a.map((r) => r.leaf));
    const before = buildPosterDocs(county);
    const after = buildPosterDocs(moved);
    expect(after.map((d) => d.fingerprint)).toEqual(before.map((d) => d.fingerprint));
    // The posters themselves did change: the 核对码 does not follow them.
    expect(after.map((d) => JSON.stringify(d.blocks))).not.toEqual(before.map((d) => JSON.stringify(d.blocks)));
  });

  it("keep a 公示's digest when only the date its names come off the web (unpublishAfter) is moved", () => {
    const county = demoCounty();
    const v = county.villages.find((x) => x.id === 'maqu')!;
    const n = v.notices.find((x) => x.id === '2025-11-17-dibao')!;
    expect(n.data.unpublishAfter).toBeDefined();
    const moved = { ...n, data: { ...n.data, unpublishAfter: '2026-01-01' } };
    expect(getContentFacts({ kind: 'notice', rec: moved }, v).digest).toBe(getContentFacts({ kind: 'notice', rec: n }, v).digest);
    const renamed = { ...n, data: { ...n.data, title: `${n.data.title}（二）` } };
    expect(getContentFacts({ kind: 'notice', rec: renamed }, v).digest).not.toBe(getContentFacts({ kind: 'notice', rec: n }, v).digest);
  });

  it('do not change as days pass (a build next year logs nothing new for the same content)', () => {
    const county = demoCounty();
    expect(buildLogLeaves({ ...county, asOf: '2027-06-01' }).map((r) => r.leaf)).toEqual(buildLogLeaves(county).map((r) => r.leaf));
  });

  it('change when one figure of the record changes, and the changed field can be named', () => {
    const county = demoCounty();
    const v = county.villages.find((x) => x.id === 'maqu')!;
    const d = v.disclosures.find((x) => x.id === '2025-q3')!;
    const edited = { ...d, data: { ...d.data, items: d.data.items.map((it, i) => (i === 0 ? { ...it, content: `${it.content}（改）` } : it)) } };
    const a = getContentFacts({ kind: 'disclosure', rec: d }, v);
    const b = getContentFacts({ kind: 'disclosure', rec: edited }, v);
    expect(b.digest).not.toBe(a.digest);
    expect(b.fingerprint).not.toBe(a.fingerprint);
    expect(listChangedFields(JSON.parse(formatContent(a.content)), b.content)).toEqual(['items[0].content']);
    expect(listChangedFields(JSON.parse(formatContent(a.content)), { ...a.content, body: `${d.body}\n补充。` })).toEqual(['body']);
  });

  it('mask private persons in the logged content as the web does: no full name of a 低保 household or a private debtor goes online', () => {
    const county = demoCounty();
    const v = county.villages.find((x) => x.id === 'maqu')!;
    const logged = buildLogLeaves(county);
    const dibao = v.notices.find((n) => n.id === '2025-11-17-dibao')!;
    const names = dibao.data.subjects.flatMap((s) => (s.name ? [s.name] : []));
    expect(names.length).toBeGreaterThan(0);
    const notice = logged.find((r) => r.leaf.village === 'maqu' && r.leaf.id === dibao.id)!;
    expect(notice.record.personal).toBe(true);
    const text = formatContent(notice.record.content);
    for (const name of names) expect(text).not.toContain(name);
    expect(text).toContain(`${names[0]!.slice(0, 1)}*`);
    const ledger = v.ledgers.find((l) => [...l.data.receivables, ...l.data.payables].some((r) => r.partyKind === '个人'))!;
    const persons = [...ledger.data.receivables, ...ledger.data.payables].filter((r) => r.partyKind === '个人').map((r) => r.party);
    const ledgerText = formatContent(logged.find((r) => r.leaf.village === 'maqu' && r.leaf.kind === 'ledger' && r.leaf.id === ledger.id)!.record.content);
    for (const p of persons) expect(ledgerText).not.toContain(p);
  });

  it("put the record's log entry on its poster, which re-renders it without changing its 核对码", () => {
    const { leaf } = buildLogLeaves(demoCounty())[3]!;
    const doc = posterOf(leaf)!;
    const plan = {
      size: 40,
      appended: 0,
      appendedVillages: [],
      relogged: 0,
      lines: [],
      logBytes: 0,
      logSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      maskedNames: { salt: '', lines: [] },
      records: { [`${leaf.village}/${leaf.kind}/${leaf.id}`]: { index: 12, leaf: '{}', root: 'abcdef01', content: true } },
    };
    const stamped = stampPosterDoc(doc, plan);
    expect(stamped.log).toEqual({ index: 12, size: 13, root: 'abcdef01' });
    expect(stamped.fingerprint).toBe(doc.fingerprint);
    expect(getCacheKey(stamped, SIZES.A4, ['pdf'])).not.toBe(getCacheKey(doc, SIZES.A4, ['pdf']));
    const texts = layoutTexts(layoutPoster(stamped, SIZES.A4, getLayoutFonts())).join('\n');
    expect(texts).toContain(`核对码 ${doc.fingerprint}`);
    expect(texts).toContain('公开日志第 12 条 · 登记时日志共 13 条 · 根哈希 abcdef01');
  });

  it("print on each poster the 核对码 of its record's entry in the log plan (derived once there), the same as the record's own", () => {
    const county = demoCounty();
    const v = county.villages.find((x) => x.id === 'maqu')!;
    const logged = buildLogLeaves(county).filter(({ leaf }) => leaf.village === v.id);
    const own = buildVillagePosterDocs(county, v);
    expect(buildVillagePosterDocs(county, v, getLoggedFingerprints(logPlanOf(county, logged), v.id)).map((d) => d.fingerprint)).toEqual(
      own.map((d) => d.fingerprint),
    );
    // The poster reads the plan, not the record: a plan holding another digest for the first record is what its poster prints.
    const [first, ...rest] = logged;
    const other = logPlanOf(county, [{ ...first!, leaf: { ...first!.leaf, digest: 'f'.repeat(64) } }, ...rest]);
    const docs = buildVillagePosterDocs(county, v, getLoggedFingerprints(other, v.id));
    expect(docs.find((d) => d.record.id === first!.leaf.id && d.publishedAt === first!.leaf.publishedAt)!.fingerprint).toBe('FFFF-FFFF');
    expect(docs.filter((d) => d.fingerprint === 'FFFF-FFFF')).toHaveLength(1);
  });
});
