/** The county's JSON Feed of new records and corrections. */
import type { APIRoute } from 'astro';
import { getJsonFeed } from '../data/opendata.ts';

export const GET: APIRoute = () => new Response(getJsonFeed(), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
