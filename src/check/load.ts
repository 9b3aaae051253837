/**
 * Reads the whole content/ tree, validates every file against its schema, then runs the
 * cross-record rules (county-rules.ts). Returns every problem, not just the first, and the checked
 * county when there are no errors. This is the only module that touches the file system for content.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { makeCalendar } from '../lib/calendar.ts';
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
import { checkCompliance } from './compliance-rules.ts';
import { catalogueCodes, checkVillageRules, noticeEndDate, scanComments, scanFileName, scanPrivacy } from './county-rules.ts';
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
}

/**
 * A store of checked villages (src/check/check-cache.ts). It is valid for one site, as-of date and
 * code version; `digestOf` gives the digest of a village folder's files as they are now.
 */
export interface VillageCache {
  digestOf(id: string): string | undefined;
  get(id: string, digest: string): CheckedVillage | undefined;
  set(id: string, digest: string, value: CheckedVillage): void;
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

/** Reads and checks the content tree under `root/content`. */
export function loadCounty(root: string, options: LoadOptions = {}): LoadResult {
  const problems: Problem[] = [];
  const contentDir = join(root, 'content');
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  // Each file read, by its relative path: where its fields are, so every message can name the line.
  const sources = new Map<string, LineOf | undefined>();
  const report = (file: string, findings: readonly Finding[]) => {
    const lineOf = findings.some((f) => f.path.length > 0) ? lineOfFile(file) : undefined;
    for (const f of findings) {
      const line = lineOf?.(f.path);
      // code and params come from one typed finding; TypeScript cannot follow the pair through `?? {}`.
      const problem = { file, path: formatPath(f.path), severity: f.severity ?? 'error', code: f.code, params: f.params ?? {} } as Problem;
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
  // A file a cached village's record came from was not read in this run: read it for its lines when a
  // county-wide rule reports on it (only a regular content file, as readFile would).
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
  const readFile = (abs: string, kind: 'yaml' | 'md'): { data: unknown; body: string } | undefined => {
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
    sources.set(rel(abs), makeLineOf(decoded.text, kind));
    const parsed = kind === 'yaml' ? parseYaml(decoded.text) : parseFrontMatter(decoded.text);
    if (!parsed.ok) return void report(rel(abs), [parsed.finding]);
    report(rel(abs), scanPrivacy(parsed.data, parsed.body, parsed.bodyLine));
    report(rel(abs), scanComments(decoded.text, kind === 'yaml' ? Infinity : parsed.bodyLine - 1));
    if (kind === 'md') report(rel(abs), checkBody(parsed.body, abs.endsWith('.mdx') ? 'mdx' : 'md', parsed.bodyLine));
    return { data: parsed.data, body: parsed.body };
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
    return { id: name.replace(/\.(md|mdx|ya?ml)$/, ''), file: rel(abs), data: v.value, body: read.body };
  };

  // ── site ──
  const siteFile = join(contentDir, 'site.yaml');
  if (!existsSync(siteFile)) {
    report('content/site.yaml', [{ code: 'file.missing', path: [], params: { name: 'content/site.yaml' } }]);
    return { problems };
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
  const missingYears = new Set<number>();

  // ── villages ──
  const villagesDir = join(contentDir, 'villages');
  const villageIds = existsSync(villagesDir)
    ? readdirSync(villagesDir)
        .filter((n) => !IGNORED.has(n))
        .sort()
    : [];
  const villages: VillageRecords[] = [];
  for (const id of villageIds) {
    if (options.village && id !== options.village) continue;
    const dir = join(villagesDir, id);
    if (refuseOutside(dir)) continue;
    if (!statSync(dir).isDirectory()) {
      report(rel(dir), [{ code: 'file.unexpected', path: [], params: { name: id, place: 'villages' } }]);
      continue;
    }
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      report(rel(dir), [{ code: 'file.name', path: [], params: { name: id, rule: 'village-folder' } }]);
      continue;
    }
    report(rel(dir), scanFileName(id));
    const vFile = join(dir, 'village.yaml');
    if (!existsSync(vFile)) {
      report(rel(vFile), [{ code: 'file.missing', path: [], params: { name: rel(vFile) } }]);
      continue;
    }
    const digest = county ? options.cache?.digestOf(id) : undefined;
    const hit = digest ? options.cache!.get(id, digest) : undefined;
    if (hit) {
      if (hit.records) villages.push(hit.records);
      problems.push(...hit.problems);
      for (const y of hit.missingYears) missingYears.add(y);
      continue;
    }
    const before = problems.length;
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
    if (village) villages.push(rec);
    if (!county || !catalogue) continue;
    const years = new Set<number>();
    if (village) {
      rec.ledgers.sort((a, b) => comparePeriods(a.period, b.period));
      for (const n of rec.notices) n.endDate = noticeEndDate(n.data, county.calendar);
      for (const { file, finding } of checkVillageRules(rec, county, catalogue.codes, years)) report(file, [finding]);
    }
    for (const y of years) missingYears.add(y);
    if (digest) options.cache!.set(id, digest, { ...(village ? { records: rec } : {}), problems: problems.slice(before), missingYears: [...years] });
  }

  if (!site || !county) return { problems };
  county.villages = villages;
  for (const year of [...missingYears].sort())
    report(site.file, [{ code: 'calendar.missing-year', path: ['calendar'], severity: 'warning', params: { year } }]);
  for (const { file, finding } of checkCompliance(county)) report(file, [finding]);
  const hasErrors = problems.some((p) => p.severity === 'error');
  return hasErrors ? { partial: county, problems } : { county, partial: county, problems };
}
