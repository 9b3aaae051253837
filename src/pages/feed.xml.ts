/** The county's Atom feed of new records and corrections. */
import type { APIRoute } from 'astro';
import { getAtomFeed } from '../data/opendata.ts';

export const GET: APIRoute = () => new Response(getAtomFeed(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
