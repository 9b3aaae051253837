/** A village's JSON Feed of new records and corrections. */
import type { APIRoute } from 'astro';
import { getJsonFeed, listVillageFeeds } from '../../../data/opendata.ts';

export function getStaticPaths() {
  return listVillageFeeds();
}

export const GET: APIRoute = ({ params }) => new Response(getJsonFeed(params.village), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
