/**
 * Loader wiring only. Front matter is validated by src/check (the schemas in src/schemas) before the
 * build starts; these collections exist so Astro renders the Markdown/MDX bodies. Entry ids are
 * "<village>/<folder>/<file name>".
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const bodies = (folder: string) =>
  defineCollection({
    loader: glob({ pattern: `*/${folder}/*.{md,mdx}`, base: './content/villages', generateId: ({ entry }) => entry.replace(/\.mdx?$/, '') }),
  });

export const collections = {
  disclosures: bodies('disclosures'),
  meetings: bodies('meetings'),
  notices: bodies('notices'),
};
