/** Renders the Markdown/MDX body of a record through Astro's content layer. */
import { getEntry, render } from 'astro:content';

export async function renderBody(collection: 'disclosures' | 'meetings' | 'notices', village: string, id: string) {
  const entry = await getEntry(collection, `${village}/${collection}/${id}`);
  if (!entry) throw new Error(`no ${collection} body for ${village}/${id}`);
  return (await render(entry)).Content;
}
