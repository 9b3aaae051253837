/**
 * Every page Astro renders passes here once: its content security policy is narrowed to the inline styles and scripts
 * the page holds (src/lib/page-policy.ts). Anything but HTML (data files, feeds) passes untouched, unread.
 */
import { defineMiddleware } from 'astro:middleware';
import { narrowPagePolicy } from './lib/page-policy.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  return new Response(narrowPagePolicy(html), { status: response.status, statusText: response.statusText, headers: response.headers });
});
