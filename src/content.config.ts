/**
 * Loader wiring only. Front matter is validated by src/check (the schemas in src/schemas) before the
 * build starts; these collections exist so Astro renders the Markdown/MDX bodies. Entry ids are
 * "<village>/<folder>/<file name>".
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

/** content/villages of this checkout, or of the folder given by `npm run build -- --root <dir>`. */
const base = `${process.env['GONGKAI_ROOT'] ?? '.'}/content/villages`;

const bodies = (folder: string) =>
  defineCollection({
    loader: glob({ pattern: `*/${folder}/*.{md,mdx}`, base, generateId: ({ entry }) => entry.replace(/\.mdx?$/, '') }),
  });

export const collections = {
  disclosures: bodies('disclosures'),
  meetings: bodies('meetings'),
  notices: bodies('notices'),
};
