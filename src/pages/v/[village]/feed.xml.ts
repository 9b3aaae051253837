/** A village's Atom feed of new records and corrections. */
import type { APIRoute } from 'astro';
import { getAtomFeed, listVillageFeeds } from '../../../data/opendata.ts';

export function getStaticPaths() {
  return listVillageFeeds();
}

export const GET: APIRoute = ({ params }) => new Response(getAtomFeed(params.village!), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
