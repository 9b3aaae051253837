/**
 * Loader wiring only. Front matter is validated by src/check (the schemas in src/schemas) before the
 * build starts; these collections exist so Astro renders the Markdown/MDX bodies. Entry ids are
 * "<village>/<folder>/<file name>".
 *
 * Entries are kept small (the data store is one JSON string, see shared/reference/performance-
 * anchors.md §0.3): pages take every field from the checked county, so the front matter is not
 * stored (the empty schema strips it) and neither is the raw body (only its rendered HTML).
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { getBuildContext } from './build/handover.ts';

/** The build context of scripts/build.ts (src/build/context.ts); none in `astro dev`. */
const context = getBuildContext();

/** content/villages of this checkout, or of the folder given by `npm run build -- --root <dir>`. */
const base = `${context?.root ?? '.'}/content/villages`;

/** An incremental build (scripts/build.ts) renders only the villages its build context names. */
const only = context?.villagesToRender;
const pattern = (folder: string) => (only ? (only.length ? only.map((id) => `${id}/${folder}/*.{md,mdx}`) : [`-none-/${folder}/*.md`]) : `*/${folder}/*.{md,mdx}`);

const bodies = (folder: string) =>
  defineCollection({
    loader: glob({ pattern: pattern(folder), base, retainBody: false, generateId: ({ entry }) => entry.replace(/\.mdx?$/, '') }),
    schema: z.object({}),
  });

export const collections = {
  disclosures: bodies('disclosures'),
  meetings: bodies('meetings'),
  notices: bodies('notices'),
};
