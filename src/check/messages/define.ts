/**
 * The building blocks of the message catalogue: the shape of a message, `defineMessages` (which keeps
 * each code's parameter type) and the types that turn a catalogue into "code + its parameters" for
 * the rules that emit findings. Nothing here knows a single message.
 */
import { getBodyRule } from '../../law/bodies.ts';

/** A value a message quotes: text or a number, printed as written. */
export type Param = string | number;

/** A clerk-facing message: what is wrong, what was expected and how to fix it, Chinese and English. */
export interface Message {
  zh: string;
  en: string;
  expectedZh?: string;
  expectedEn?: string;
  fixZh: string;
  fixEn: string;
}

/** A line a clerk tool prints besides content problems (usage, refusals, summaries). */
export interface ToolText {
  zh: string;
  en: string;
}

/**
 * Each code maps to a function of that code's parameters (no argument when it has none). `never`
 * accepts any parameter type here; `defineMessages` keeps each code's own.
 */
type Catalogue<T> = Record<string, (p: never) => T>;

/** Declares a catalogue; the result keeps every code and its parameter type. */
export function defineMessages<const M extends Catalogue<Message>>(messages: M): M {
  return messages;
}

/** Declares a catalogue of tool texts; the result keeps every code and its parameter type. */
export function defineToolTexts<const M extends Catalogue<ToolText>>(texts: M): M {
  return texts;
}

/** The parameters of code `C` in catalogue `M` (`undefined` when the message takes none). */
export type ParamsOf<M, C extends keyof M> = M[C] extends () => unknown ? undefined : M[C] extends (p: infer P) => unknown ? P : never;

/**
 * Code + parameters, one union member per code: `{ code: 'ledger.balance', params: { … } }`. A code
 * with no message, a missing parameter or a misspelt one does not compile.
 */
export type CodeWithParams<M> = {
  [C in keyof M & string]: ParamsOf<M, C> extends undefined ? { code: C; params?: Record<string, never> } : { code: C; params: ParamsOf<M, C> };
}[keyof M & string];

/** Renders code + parameters with its catalogue; an unknown code (only possible from untyped data) says so. */
export function renderWith<T>(catalogue: Catalogue<T>, kind: string, code: string, params: object = {}): T {
  const m = catalogue[code] as ((p: object) => T) | undefined;
  if (!m) throw new Error(`no ${kind}message for code ${code}`);
  return m(params);
}

// ── helpers the catalogues share ─────────────────────────────────────────
export const s = (v: unknown): string => (v === undefined ? '' : String(v));
/** A list joined with 、 for Chinese, re-joined with commas for the English sentence. */
export const list = (v: unknown): string => s(v).split('、').join(', ');
/** English name of a meeting body (村民代表会议 → villagers' representative assembly). */
export const bodyEn = (v: unknown): string => getBodyRule(s(v))?.en ?? s(v);
const TRACK_EN: Record<string, string> = { 党务: 'party affairs', 村务: 'village affairs', 财务: 'finances' };
export const trackEn = (v: unknown): string => (TRACK_EN[s(v)] ? `${TRACK_EN[s(v)]} (${s(v)})` : s(v));
