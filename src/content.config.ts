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
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { getBuildContext } from './build/handover.ts';
import { getMarkdownBody } from './lib/front-matter.ts';

/** The build context of scripts/build.ts (src/build/context.ts); none in `astro dev`. */
const context = getBuildContext();

/** content/villages of this checkout, or of the folder given by `npm run build -- --root <dir>`. */
const base = `${context?.root ?? '.'}/content/villages`;

/**
 * An incremental build (scripts/build.ts) renders only the villages its build context names, and
 * on a new day the dated record pages of other villages (v/<village>/<folder>/<id>).
 */
const only = context?.villagesToRender;
const dated = (folder: string) =>
  (context?.datedPages ?? []).flatMap((p) => {
    const [, village, segment, id] = p.split('/');
    return segment === folder ? [`${village}/${folder}/${id}.{md,mdx}`] : [];
  });
const pattern = (folder: string) => {
  if (!only) return `*/${folder}/*.{md,mdx}`;
  const globs = [...only.map((id) => `${id}/${folder}/*.{md,mdx}`), ...dated(folder)];
  return globs.length ? globs : [`-none-/${folder}/*.md`];
};

/** What the loader context's `entryTypes` holds for one file extension (Astro 7 passes it to the glob loader; not in its public types). */
interface EntryType {
  getEntryInfo(input: {
    contents: string;
    fileUrl: URL;
  }): Promise<{ data: Record<string, unknown>; body: string }> | { data: Record<string, unknown>; body: string };
}

/**
 * Astro's glob loader with each Markdown file's front matter left unparsed: the check parsed and validated it, the
 * empty schema strips it, and the pages take every field from the checked county, so the body (what Astro's own
 * Markdown entry type gives the renderer, src/lib/front-matter.ts) is all the sync needs. Parsing every file's YAML
 * again took 4.5–4.8 CPU-s at 300 villages (19,749 bodies), 0.2 without (docs/benchmarks.md, session 15), and left
 * every body's front matter in the data store. MDX files go through Astro's entry type as before.
 */
function withBodiesOnly(loader: Loader): Loader {
  return {
    ...loader,
    load(context) {
      const types = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
      const markdown = types?.get('.md');
      if (!types || !markdown) return loader.load(context);
      const bodyOnly: EntryType = { ...markdown, getEntryInfo: ({ contents }) => ({ data: {}, body: getMarkdownBody(contents) }) };
      return loader.load({ ...context, entryTypes: new Map([...types, ['.md', bodyOnly]]) } as LoaderContext);
    },
  };
}

const bodies = (folder: string) =>
  defineCollection({
    loader: withBodiesOnly(glob({ pattern: pattern(folder), base, retainBody: false, generateId: ({ entry }) => entry.replace(/\.mdx?$/, '') })),
    schema: z.object({}),
  });

export const collections = {
  disclosures: bodies('disclosures'),
  meetings: bodies('meetings'),
  notices: bodies('notices'),
};
