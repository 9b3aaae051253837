/**
 * The components a clerk's .mdx narrative may use, by the names in ./registry.ts. Pages pass this
 * map to the rendered body (<Body components={MDX_COMPONENT_MAP} />); nothing else is provided.
 */
import Amount from './Amount.astro';
import Signature from './Signature.astro';
import Table from './Table.astro';

export const MDX_COMPONENT_MAP = { Amount, Signature, Table };
