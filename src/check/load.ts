/**
 * Reads the whole content/ tree, validates every file against its schema, then runs the
 * cross-record rules (county-rules.ts). Returns every problem, not just the first, and the checked
 * county when there are no errors. This is the only module that touches the file system for content.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { makeCalendar } from '../lib/calendar.ts';
import { findControlCharacter } from '../lib/content-safety.ts';
import type { Finding } from '../lib/finding.ts';
import { comparePeriods, parsePeriod } from '../lib/period.ts';
import { NATIONAL_CALENDAR } from '../law/holidays-cn.ts';
import { PROFILES } from '../law/profiles.ts';
import { SiteSchema, VillageSchema } from '../schemas/index.ts';
// The registry imports only schemas: the one records/ module the loader may read.
import { RECORD_TYPES, type RecordType } from '../records/registry.ts';
import { resolveAsOf } from './as-of.ts';
import { findPlaceholders } from '../lib/scaffold-marker.ts';
import { checkBody } from './body.ts';
import { checkVillageCompliance } from './compliance-rules.ts';
import { catalogueCodes, checkVillageRules, noticeEndDate, scanComments, scanFileName, scanPrivacy, scanSubjectNames } from './county-rules.ts';
import { validate } from './issues.ts';
import type { County, Problem, Rec, VillageRecords } from './model.ts';
import { decodeText, parseFrontMatter, parseYaml } from './parse.ts';
import { makeLineOf, type LineOf } from './source-lines.ts';
import type { z } from 'astro/zod';

export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

export interface LoadOptions {
  /** Environment (for GONGKAI_AS_OF); defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Clock for the build date; defaults to now. */
  now?: Date;
  /** Check only this village (the site is always read). */
  village?: string;
  /** Results of villages checked in an earlier build, reused when a village's files are unchanged. */
  cache?: VillageCache;
}

/** What checking one village gave: its records (when they parsed), its problems, calendar years it needs. */
export interface CheckedVillage {
  records?: VillageRecords;
  problems: Problem[];
  missingYears: number[];
  /**
   * The lines of the fields the county-view warnings pointed at, by `lineKey` (file and field path;
   * null: no line), so a cached village's warnings on another day are placed without reading and
   * parsing its files again. A line depends only on the file's bytes, which the cache's digest pins.
   */
  lines?: Record<string, number | null>;
}

/**
 * A store of checked villages (src/check/check-cache.ts). It is valid for one site and code version,
 * on any as-of date (the date's rules run again on every check); `digestOf` gives the digest of a
 * village folder's files as they are now.
 */
export interface VillageCache {
  digestOf(id: string): string | undefined;
  get(id: string, digest: string): CheckedVillage | undefined;
  set(id: string, digest: string, value: CheckedVillage): void;
  /** A village served from the cache whose `lines` grew in this run: kept with them. */
  update(id: string, digest: string, value: CheckedVillage): void;
}

export interface LoadResult {
  /** The checked county; only when there is no error. */
  county?: County;
  /**
   * Every record that passed its own schema, even when other records have errors: what the county
   * compliance report and the clerk tools work from. Never used to build the public site.
   */
  partial?: County;
  problems: Problem[];
}

const FOLDERS = {
  disclosures: { re: /^(\d{4})-q([1-4])(?:-([a-z0-9][a-z0-9-]*))?\.(md|mdx)$/ },
  finances: { re: /^(\d{4}-(?:q[1-4]|0[1-9]|1[0-2]))\.ya?ml$/ },
  meetings: { re: /^(\d{4}-\d{2}-\d{2})-([a-z0-9][a-z0-9-]*)\.(md|mdx)$/ },
  notices: { re: /^(\d{4}-\d{2}-\d{2})-([a-z0-9][a-z0-9-]*)\.(md|mdx)$/ },
  volunteers: { re: /^(\d{4}-(?:q[1-4]|0[1-9]|1[0-2]))\.ya?ml$/ },
} as const satisfies Record<RecordType['folder'], { re: RegExp }>;

const IGNORED = new Set(['README.md', '.gitkeep', '.DS_Store', 'CODEOWNERS']);

/** The largest content file read (a quarter's ledger of a big village is under 200 KB). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** The key of a field's line in `CheckedVillage.lines`. */
const lineKey = (file: string, path: string) => `${file}\0${path}`;

/** Collects one run's problems, and reads content files for them (each reader keeps the lines of the files it read). */
interface Reader {
  problems: Problem[];
  /** `lines`: lines known already, by `lineKey`; a line looked up in the file is added to it. */
  report: (file: string, findings: readonly Finding[], lines?: Record<string, number | null>) => void;
  rel: (p: string) => string;
  refuseOutside: (abs: string) => boolean;
  readValid: <S extends z.ZodType>(abs: string, kind: 'yaml' | 'md', schema: S) => Rec<z.output<S>> | undefined;
}

function makeReader(root: string): Reader {
  const problems: Problem[] = [];
  const contentDir = join(root, 'content');
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  // Each file read, by its relative path: where its fields are, so every message can name the line.
  const sources = new Map<string, LineOf | undefined>();
  const report = (file: string, findings: readonly Finding[], lines?: Record<string, number | null>) => {
    let lineOf: LineOf | undefined;
    for (const f of findings) {
      const path = formatPath(f.path);
      let line: number | undefined;
      if (f.path.length > 0) {
        const key = lines && lineKey(file, path);
        const known = key === undefined ? undefined : lines![key];
        if (known !== undefined) line = known ?? undefined;
        else {
          lineOf ??= lineOfFile(file) ?? (() => undefined);
          line = lineOf(f.path);
          if (key !== undefined) lines![key] = line ?? null;
        }
      }
      // code and params come from one typed finding; TypeScript cannot follow the pair through `?? {}`.
      const problem = { file, path, severity: f.severity ?? 'error', code: f.code, params: f.params ?? {} } as Problem;
      problems.push(line === undefined ? problem : { ...problem, line });
    }
  };

  // Every file read must be inside content/ once symbolic links are followed: a link (or a linked
  // folder) to /etc/hostname or another county's files is refused, never read.
  let realContent: string | undefined;
  const outsideContent = (abs: string): string | undefined => {
    let real: string;
    try {
      realContent ??= realpathSync(contentDir);
      real = realpathSync(abs);
    } catch {
      return lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink() ? '（不存在 missing）' : undefined;
    }
    return real === realContent || real.startsWith(realContent + sep) ? undefined : real;
  };
  const refuseOutside = (abs: string): boolean => {
    const target = outsideContent(abs);
    if (target !== undefined) report(rel(abs), [{ code: 'file.symlink-outside', path: [], params: { target } }]);
    return target !== undefined;
  };
  // A file this reader did not read (a cached village's record, another village's file) is read for its
  // lines when a rule reports on it (only a regular content file, as readFile would).
  const lineOfFile = (file: string): LineOf | undefined => {
    if (sources.has(file)) return sources.get(file);
    const abs = join(root, file);
    const kind = /\.ya?ml$/.test(file) ? 'yaml' : /\.mdx?$/.test(file) ? 'md' : undefined;
    const stat = kind && !outsideContent(abs) ? statSync(abs, { throwIfNoEntry: false }) : undefined;
    const decoded = stat?.isFile() && stat.size <= MAX_FILE_BYTES ? decodeText(readFileSync(abs)) : undefined;
    const lineOf = decoded?.ok && kind ? makeLineOf(decoded.text, kind) : undefined;
    sources.set(file, lineOf);
    return lineOf;
  };
  const readFile = (abs: string, kind: 'yaml' | 'md'): { data: unknown; body: string; bodyLine: number } | undefined => {
    if (refuseOutside(abs)) return undefined;
    const stat = statSync(abs);
    // A named pipe or device would block or never end when read.
    if (!stat.isFile()) return void report(rel(abs), [{ code: 'file.unexpected', path: [], params: { name: rel(abs).split('/').pop()!, place: 'village' } }]);
    const size = stat.size;
    if (size > MAX_FILE_BYTES)
      return void report(rel(abs), [{ code: 'file.too-large', path: [], params: { size: formatBytes(size), max: formatBytes(MAX_FILE_BYTES) } }]);
    // The address of a record's page is made of its village folder (scanned once, below) and its file name.
    report(rel(abs), scanFileName(basename(abs)));
    const decoded = decodeText(readFileSync(abs));
    if (!decoded.ok) return void report(rel(abs), [decoded.finding]);
    const control = findControlCharacter(decoded.text);
    if (control) return void report(rel(abs), [{ code: 'file.control-char', path: [], params: control }]);
    sources.set(rel(abs), makeLineOf(decoded.text, kind));
    const parsed = kind === 'yaml' ? parseYaml(decoded.text) : parseFrontMatter(decoded.text);
    if (!parsed.ok) return void report(rel(abs), [parsed.finding]);
    report(rel(abs), scanPrivacy(parsed.data, parsed.body, parsed.bodyLine));
    if (kind === 'md' && basename(dirname(abs)) === 'notices') report(rel(abs), scanSubjectNames(parsed.data, parsed.body, parsed.bodyLine));
    report(rel(abs), scanComments(decoded.text, kind === 'yaml' ? Infinity : parsed.bodyLine - 1));
    if (kind === 'md') report(rel(abs), checkBody(parsed.body, abs.endsWith('.mdx') ? 'mdx' : 'md', parsed.bodyLine));
    return { data: parsed.data, body: parsed.body, bodyLine: parsed.bodyLine };
  };
  const readValid = <S extends z.ZodType>(abs: string, kind: 'yaml' | 'md', schema: S): Rec<z.output<S>> | undefined => {
    const read = readFile(abs, kind);
    if (!read) return undefined;
    // A file still holding 〔待填〕 placeholders from `npm run new` is unfinished: say which fields
    // to fill in and leave the schema and cross-record rules until it is.
    const todo = findPlaceholders(read.data);
    if (todo.length > 0) {
      return void report(
        rel(abs),
        todo.map((t) => ({
          code: 'field.placeholder',
          path: t.path,
          params: { field: String(t.path.findLast((x) => typeof x === 'string') ?? ''), value: t.value },
        })),
      );
    }
    const v = validate(schema, read.data);
    if (!v.ok) return void report(rel(abs), v.findings);
    const name = abs.split('/').pop()!;
    return { id: name.replace(/\.(md|mdx|ya?ml)$/, ''), file: rel(abs), data: v.value, body: read.body, bodyLine: read.bodyLine };
  };
  return { problems, report, rel, refuseOutside, readValid };
}

/**
 * What a village is checked against: the checked site (without villages) and the catalogue's codes.
 * Plain data, so a child process of the check can be given it (load-workers.ts).
 */
export interface VillageScope {
  county: County;
  codes: Map<string, string>;
}

/** What checking one village's files gave: as a cached village, plus the county-view warnings on its records. */
export interface CheckedVillageFiles extends CheckedVillage {
  compliance: Problem[];
}

/**
 * Reads and checks one village folder whose village.yaml exists: every record file, its own rules
 * and, with a `scope` (a valid site), the village rules and its county-view warnings. Depends on
 * nothing but the folder and the scope, so villages can be checked in any order, or on other threads.
 */
export function checkVillageFiles(root: string, id: string, scope: VillageScope | undefined): CheckedVillageFiles {
  const { problems, report, rel, refuseOutside, readValid } = makeReader(root);
  const dir = join(root, 'content', 'villages', id);
  const vFile = join(dir, 'village.yaml');
  const village = readValid(vFile, 'yaml', VillageSchema);
  const rec: VillageRecords = {
    id,
    file: rel(vFile),
    data: village?.data as VillageRecords['data'],
    disclosures: [],
    ledgers: [],
    meetings: [],
    notices: [],
    volunteers: [],
    unreadable: new Set(),
    failed: [],
  };
  for (const entry of readdirSync(dir).sort()) {
    if (entry === 'village.yaml' || IGNORED.has(entry)) continue;
    if (!(entry in FOLDERS) || !statSync(join(dir, entry), { throwIfNoEntry: false })?.isDirectory()) {
      report(rel(join(dir, entry)), [{ code: 'file.unexpected', path: [], params: { name: entry, place: 'village' } }]);
    }
  }
  for (const [folder, rule] of Object.entries(FOLDERS) as [keyof typeof FOLDERS, (typeof FOLDERS)[keyof typeof FOLDERS]][]) {
    const fdir = join(dir, folder);
    if (!existsSync(fdir) || refuseOutside(fdir)) continue;
    for (const name of readdirSync(fdir).sort()) {
      if (IGNORED.has(name)) continue;
      const abs = join(fdir, name);
      const m = rule.re.exec(name);
      if (!m) {
        report(rel(abs), [{ code: 'file.name', path: [], params: { name, rule: folder } }]);
        continue;
      }
      const before = problems.length;
      if (folder === 'disclosures') {
        const r = readValid(abs, 'md', RECORD_TYPES.disclosure.schema);
        if (r) rec.disclosures.push({ ...r, period: { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 } });
      } else if (folder === 'finances') {
        const r = readValid(abs, 'yaml', RECORD_TYPES.ledger.schema);
        if (r) rec.ledgers.push({ ...r, period: parsePeriod(m[1]!)! });
      } else if (folder === 'volunteers') {
        const r = readValid(abs, 'yaml', RECORD_TYPES.volunteer.schema);
        if (r) rec.volunteers.push({ ...r, period: parsePeriod(m[1]!)! });
      } else if (folder === 'meetings') {
        const r = readValid(abs, 'md', RECORD_TYPES.meeting.schema);
        if (r) {
          if (r.data.date !== m[1]) report(r.file, [{ code: 'period.mismatch', path: ['date'], params: { value: r.data.date, expected: m[1]! } }]);
          rec.meetings.push(r);
        }
      } else {
        const r = readValid(abs, 'md', RECORD_TYPES.notice.schema);
        if (r) {
          if (r.data.startDate !== m[1])
            report(r.file, [{ code: 'period.mismatch', path: ['startDate'], params: { value: r.data.startDate, expected: m[1]! } }]);
          rec.notices.push({ ...r, endDate: '' });
        }
      }
      if (problems.slice(before).some((p) => p.severity === 'error')) {
        rec.unreadable.add(`${folder}/${name.replace(/\.(md|mdx|ya?ml)$/, '')}`);
        rec.failed.push(`${folder}/${name}`);
      }
    }
  }
  const years = new Set<number>();
  const checked: CheckedVillageFiles = { ...(village ? { records: rec } : {}), problems, missingYears: [], compliance: [] };
  if (!scope) return checked;
  if (village) {
    const { county, codes } = scope;
    rec.ledgers.sort((a, b) => comparePeriods(a.period, b.period));
    for (const n of rec.notices) n.endDate = noticeEndDate(n.data, county.calendar);
    for (const { file, finding } of checkVillageRules(rec, county, codes, years)) report(file, [finding]);
    // The county-view warnings, read with this village's files still at hand for their lines, which
    // are kept for the next check of the same files (on another day, from the cache).
    const before = problems.length;
    const lines: Record<string, number | null> = {};
    for (const { file, finding } of checkVillageCompliance(rec, county)) report(file, [finding], lines);
    checked.compliance = problems.splice(before);
    checked.lines = lines;
  }
  checked.missingYears = [...years];
  return checked;
}

/** One village folder as the loader sees it before its files are read. */
interface VillageSlot {
  /** Problems with the folder itself (its name, a link out of content/, no village.yaml). */
  problems: Problem[];
  /** The folder's digest when the cache applies to it. */
  digest?: string;
  /** Its check, from the cache or (once run) from its files; absent until then, or for a folder not checked. */
  checked?: CheckedVillage;
  compliance?: Problem[];
  /** Whether its files are still to be checked. */
  pending: boolean;
}

/** The site read and the village folders listed: what is left is checking the pending villages' files. */
interface CountyPlan {
  reader: Reader;
  site?: Rec<z.output<typeof SiteSchema>>;
  county?: County;
  scope?: VillageScope;
  ids: string[];
  slots: VillageSlot[];
}

function planCounty(root: string, options: LoadOptions): CountyPlan {
  const reader = makeReader(root);
  const { report, rel, refuseOutside, readValid } = reader;
  const contentDir = join(root, 'content');

  // ── site ──
  const siteFile = join(contentDir, 'site.yaml');
  if (!existsSync(siteFile)) {
    report('content/site.yaml', [{ code: 'file.missing', path: [], params: { name: 'content/site.yaml' } }]);
    return { reader, ids: [], slots: [] };
  }
  const site = readValid(siteFile, 'yaml', SiteSchema);
  const profile = site ? PROFILES[site.data.profile] : undefined;
  if (site && !profile)
    report(site.file, [{ code: 'site.profile', path: ['profile'], params: { value: site.data.profile, options: Object.keys(PROFILES).join(', ') } }]);
  // With a valid site, each village is checked against the county's rules as soon as it is read.
  const county: County | undefined =
    site && profile
      ? {
          site: site.data,
          profile,
          calendar: makeCalendar(NATIONAL_CALENDAR, site.data.calendar),
          asOf: resolveAsOf(site.data.asOf, options.env ?? process.env, options.now ?? new Date()),
          villages: [],
        }
      : undefined;
  const catalogue = county && site ? catalogueCodes(county.site, site.file) : undefined;
  for (const { file, finding } of catalogue?.findings ?? []) report(file, [finding]);

  // ── villages: the folders themselves, and the cache ──
  const villagesDir = join(contentDir, 'villages');
  const villageIds = existsSync(villagesDir)
    ? readdirSync(villagesDir)
        .filter((n) => !IGNORED.has(n))
        .sort()
    : [];
  const ids: string[] = [];
  const slots: VillageSlot[] = [];
  for (const id of villageIds) {
    if (options.village && id !== options.village) continue;
    // Each folder's problems are kept apart, so they are printed in folder order with its files' problems.
    const start = reader.problems.length;
    const slot = (): VillageSlot => ({ problems: reader.problems.splice(start), pending: false });
    const dir = join(villagesDir, id);
    if (refuseOutside(dir)) {
      slots.push(slot());
      ids.push(id);
      continue;
    }
    if (!statSync(dir).isDirectory()) {
      report(rel(dir), [{ code: 'file.unexpected', path: [], params: { name: id, place: 'villages' } }]);
    } else if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      report(rel(dir), [{ code: 'file.name', path: [], params: { name: id, rule: 'village-folder' } }]);
    } else {
      report(rel(dir), scanFileName(id));
      const vFile = join(dir, 'village.yaml');
      if (!existsSync(vFile)) {
        report(rel(vFile), [{ code: 'file.missing', path: [], params: { name: rel(vFile) } }]);
      } else {
        const s = slot();
        const digest = county ? options.cache?.digestOf(id) : undefined;
        const hit = digest ? options.cache!.get(id, digest) : undefined;
        if (hit) s.checked = hit;
        else {
          s.pending = true;
          if (digest) s.digest = digest;
        }
        slots.push(s);
        ids.push(id);
        continue;
      }
    }
    slots.push(slot());
    ids.push(id);
  }
  return {
    reader,
    ...(site ? { site } : {}),
    ...(county ? { county } : {}),
    ...(county && catalogue ? { scope: { county, codes: catalogue.codes } } : {}),
    ids,
    slots,
  };
}

/** Puts the checked villages together, in folder order, with the county-wide warnings after them. */
function finishCounty(plan: CountyPlan, options: LoadOptions): LoadResult {
  const { reader, site, county, slots } = plan;
  const { problems, report } = reader;
  const villages: VillageRecords[] = [];
  const missingYears = new Set<number>();
  const compliance: Problem[] = [];
  slots.forEach((slot, i) => {
    problems.push(...slot.problems);
    const checked = slot.checked;
    if (!checked) return;
    if (checked.records) villages.push(checked.records);
    problems.push(...checked.problems);
    for (const y of checked.missingYears) missingYears.add(y);
    if (slot.digest)
      options.cache!.set(plan.ids[i]!, slot.digest, {
        ...(checked.records ? { records: checked.records } : {}),
        problems: checked.problems,
        missingYears: checked.missingYears,
        ...(checked.lines ? { lines: checked.lines } : {}),
      });
    if (slot.compliance) compliance.push(...slot.compliance);
    else if (checked.records && county) {
      // A cached village: its county-view warnings are worked out here (they depend on the as-of
      // date), placed on the lines the cache remembers; a field not seen before is looked up in its file.
      const before = problems.length;
      const lines = (checked.lines ??= {});
      const known = Object.keys(lines).length;
      for (const { file, finding } of checkVillageCompliance(checked.records, county)) report(file, [finding], lines);
      compliance.push(...problems.splice(before));
      const digest = options.cache?.digestOf(plan.ids[i]!);
      if (digest && Object.keys(lines).length > known) options.cache!.update(plan.ids[i]!, digest, checked);
    }
  });
  if (!site || !county) return { problems };
  county.villages = villages;
  for (const year of [...missingYears].sort())
    report(site.file, [{ code: 'calendar.missing-year', path: ['calendar'], severity: 'warning', params: { year } }]);
  problems.push(...compliance);
  const hasErrors = problems.some((p) => p.severity === 'error');
  return hasErrors ? { partial: county, problems } : { county, partial: county, problems };
}

/** Records a pending village's check in its slot. */
function settle(slot: VillageSlot, checked: CheckedVillageFiles): void {
  const { compliance, ...rest } = checked;
  slot.checked = rest;
  slot.compliance = compliance;
  slot.pending = false;
}

/** Reads and checks the content tree under `root/content`, on this thread. */
export function loadCounty(root: string, options: LoadOptions = {}): LoadResult {
  const plan = planCounty(root, options);
  plan.slots.forEach((slot, i) => {
    if (slot.pending) settle(slot, checkVillageFiles(root, plan.ids[i]!, plan.scope));
  });
  return finishCounty(plan, options);
}

/**
 * The same check, with the villages' files read and checked by `run` (load-workers.ts: child
 * processes): it gets the ids of the villages to check and the scope, and gives each one's result. The
 * site, the cache and the county-wide warnings stay on this thread; the result is the same as
 * `loadCounty`'s, problems in the same order.
 */
export async function loadCountyWith(
  root: string,
  options: LoadOptions,
  run: (ids: readonly string[], scope: VillageScope | undefined) => Promise<CheckedVillageFiles[]>,
): Promise<LoadResult> {
  const plan = planCounty(root, options);
  const pending = plan.slots.flatMap((slot, i) => (slot.pending ? [i] : []));
  const results = await run(
    pending.map((i) => plan.ids[i]!),
    plan.scope,
  );
  pending.forEach((i, k) => settle(plan.slots[i]!, results[k]!));
  return finishCounty(plan, options);
}
