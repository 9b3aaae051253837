/** The county's JSON Feed 1.1 of new records and corrections. */
import type { APIRoute } from 'astro';
import { getJsonFeed } from '../data/opendata.ts';

export const GET: APIRoute = () => new Response(getJsonFeed(), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
