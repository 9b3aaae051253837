/**
 * A record's facts derived once per build: the first call derives them, a later call with the same record, village and
 * context (by `contextKey`) gets the same object back, so every output (page, data file, feed, search document, poster)
 * projects one derivation instead of making its own. Held in a WeakMap keyed by the record, so they go with the county
 * that holds it (house rule 14: nothing outlives a build). Facts are read-only: a caller never changes what it is given.
 */
export function deriveOnce<R extends object, V, C, F>(derive: (r: R, v: V, ctx: C) => F, contextKey: (ctx: C) => unknown): (r: R, v: V, ctx: C) => F {
  const held = new WeakMap<R, { v: V; key: unknown; facts: F }>();
  return (r, v, ctx) => {
    const key = contextKey(ctx);
    const hit = held.get(r);
    if (hit !== undefined && hit.v === v && hit.key === key) return hit.facts;
    const facts = derive(r, v, ctx);
    held.set(r, { v, key, facts });
    return facts;
  };
}
