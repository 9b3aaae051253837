/**
 * The province: province.yaml at the root of a province repository. Lists the counties (each one
 * a shard: its own content, build, search bundle, log and deploy folder) and the portal's settings.
 * Read by `npm run province -- pipeline | build | assemble` (scripts/province.ts).
 */
import { z } from 'astro/zod';
import { HOST_IDS } from '../lib/deploy-hosts.ts';

/** Lower-case letters, digits and hyphens: the county's folder and URL segment, e.g. longxian. */
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '只能用小写字母、数字和连字符 / lower-case letters, digits and hyphens only');

export const ProvinceCountySchema = z
  .strictObject({
    /** Short id: the county's folder in the shards and its path on the portal, /<id>/. */
    id: Id,
    /** County name as shown on the portal, e.g. 陇县. */
    name: z.string().min(1),
    /** Folder holding the county's content/ (relative to province.yaml); or use git. */
    path: z.string().min(1).optional(),
    /** A git repository holding the county's content/: url, ref (branch, tag or commit) and sub-folder. */
    git: z.strictObject({ url: z.string().min(1), ref: z.string().min(1), dir: z.string().default('.') }).optional(),
  })
  .refine((c) => (c.path === undefined) !== (c.git === undefined), { message: '每个县须有 path 或 git 之一 / each county needs exactly one of path or git' });

export const ProvinceSchema = z
  .strictObject({
    /** The portal's title, e.g. 陕西省村务公开. */
    name: z.string().min(1),
    /** Public address of the portal; county <id> is served at <baseUrl><id>/ (its site.yaml baseUrl must say so). */
    baseUrl: z.url().refine((u) => u.endsWith('/'), { message: '须以 / 结尾 / must end with /' }),
    /** Supervision hotline shown on the portal. */
    hotline: z.string().optional(),
    /** The counties, in the order the portal lists them. */
    counties: z.array(ProvinceCountySchema).min(1),
    /** Portal and pipeline settings. */
    portal: z
      .strictObject({
        /** Where the portal is deployed (src/lib/deploy-hosts.ts): its limits are checked for the portal and each county. */
        host: z.enum(HOST_IDS).default('gitlab-pages'),
        /** Most files one deployment may hold, when it differs from the host's (a self-managed GitLab's own limit); assemble fails above it. */
        fileCap: z.number().int().positive().optional(),
        /** Most jobs per matrix: GitLab allows 200, GitHub Actions 256. Above it, counties are built in batches. */
        maxJobs: z.number().int().positive().max(256).default(200),
        /** Shards built at once on one runner in a batch job. */
        shardsPerRunner: z.number().int().positive().default(1),
      })
      .default({ host: 'gitlab-pages', maxJobs: 200, shardsPerRunner: 1 }),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.counties.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['counties', i, 'id'], message: `县 id “${c.id}” 重复 / duplicate county id` });
      seen.add(c.id);
    });
  });
export type Province = z.infer<typeof ProvinceSchema>;
export type ProvinceCounty = z.infer<typeof ProvinceCountySchema>;
