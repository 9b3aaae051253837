/**
 * The county (or district) site: content/site.yaml. One site is one county's transparency board.
 */
import { z } from 'astro/zod';
import { LICENCE_IDS } from '../lib/licences.ts';
import { Fen, Flag, IsoDate, OfficePhone, Pattern, Text } from './primitives.ts';

/** One item of the county's disclosure catalogue (村务公开目录). */
export const CatalogueItemSchema = z.strictObject({
  /** Item code clerks cite in disclosures, e.g. CW-03. */
  code: Pattern(/^[A-Z]{2}-\d{2}$/, 'catalogue.code'),
  /** Track the item belongs to: 党务, 村务 or 财务. */
  track: z.enum(['党务', '村务', '财务']),
  /** What must be disclosed, as in the county catalogue. */
  title: Text,
  /** How often: 每季度 (quarterly), 每月 (monthly), 每年 (yearly) or 随时 (whenever it happens). */
  cadence: z.enum(['每季度', '每月', '每年', '随时']),
  /** true when the period's ledger file (finances/) is this item, e.g. 村级财务收支情况; no disclosure item needed. */
  ledger: Flag.default(false),
});
export type CatalogueItem = z.infer<typeof CatalogueItemSchema>;

export const SiteSchema = z.strictObject({
  /** Title of the site, e.g. 陇县村务公开栏. */
  title: Text,
  /** Province, e.g. 陕西省. */
  province: Text,
  /** City (地级市), e.g. 宝鸡市. */
  city: Text.optional(),
  /** County or district, e.g. 陇县. */
  county: Text,
  /** Rule profile key from src/law/profiles.ts: national, shandong, chongqing, zhejiang, shanghai, shaanxi, heilongjiang. */
  profile: Text,
  /** Public address of the site, e.g. https://cwgk.example.gov.cn/ (may include a sub-path). */
  baseUrl: z.url(),
  /**
   * Public key of the county's publication log (issue 15), the line `npm run log-keygen` prints:
   * `<origin>+<key id>+<base64 key>`. The build signs the log's checkpoint with the matching private
   * key (given by --log-key <file> or GONGKAI_LOG_KEY_FILE / GONGKAI_LOG_KEY, never in the repository);
   * absent: the log is published unsigned.
   */
  logKey: z
    .string()
    .regex(/^[^\s+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/, 'a log public key line from npm run log-keygen: <name>+<8 hex>+<base64>')
    .optional(),
  /** Pinned "as of" date for reproducible demos; GONGKAI_AS_OF overrides it; absent = build date. */
  asOf: IsoDate.optional(),
  /** County supervision / complaint hotline shown on every page. */
  hotline: OfficePhone,
  /** Expenses above this amount (yuan) need an approver and a resolution reference. */
  largeExpenseThreshold: Fen,
  /** Local additions to the national holiday calendar. */
  calendar: z
    .strictObject({
      /** Extra days off (local holidays), YYYY-MM-DD. */
      holidays: z.array(IsoDate).default([]),
      /** Extra working days, YYYY-MM-DD. */
      workdays: z.array(IsoDate).default([]),
    })
    .default({ holidays: [], workdays: [] }),
  /** The county's disclosure catalogue (村务公开目录). */
  catalogue: z.array(CatalogueItemSchema).min(1),
  /**
   * How each page gets its CSS: `inline` (default) puts the few KB a page uses into the page itself, so a first visit on
   * a slow phone network draws it after one round trip; `linked` puts it in files under /_astro/ that the browser keeps a
   * year, which makes the site about a fifth smaller on disk (for hosts with a 1 GB cap, e.g. GitHub and GitLab Pages)
   * but costs a first visit one more round trip (README, 上线部署 Deploy).
   */
  stylesheets: z.enum(['inline', 'linked']).default('inline'),
  /** Licence of the open data (/data/): CC-BY-4.0 (default), CC0-1.0 or gov-open (政府信息公开，注明来源). */
  dataLicence: z.enum(LICENCE_IDS).default('CC-BY-4.0'),
});
export type Site = z.infer<typeof SiteSchema>;
