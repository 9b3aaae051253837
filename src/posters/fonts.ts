/**
 * The poster font: Source Han Sans SC (思源黑体) from the npm package `node-source-han-sans-sc`,
 * Regular and Bold, as static CFF OpenType files (not a collection, not a variable font). Nothing is
 * committed and nothing is fetched: the package is a dependency. Each file is read once per process
 * and the same `fonts` array is handed to satori for every poster (a new array per poster costs
 * about three times as much time and memory).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Fonts } from './layout.ts';
import { readFontMetrics, type FontMetrics } from './metrics.ts';

export const FONT_PACKAGE = 'node-source-han-sans-sc';
/** The CSS family name the templates use; one name, two weights. */
export const FONT_FAMILY = 'Source Han Sans SC';

export type FontWeight = 400 | 700;
const FILES: Readonly<Record<FontWeight, string>> = { 400: 'SourceHanSansSC-Regular.otf', 700: 'SourceHanSansSC-Bold.otf' };
export const FONT_WEIGHTS: readonly FontWeight[] = [400, 700];

let packageDir: string | undefined;

/** Folder of the font package, found from this module or from the project root. */
export function getFontPackageDir(): string {
  if (packageDir) return packageDir;
  const tried: string[] = [];
  for (const from of [import.meta.url, join(process.cwd(), 'package.json')]) {
    try {
      const dir = dirname(createRequire(from).resolve(`${FONT_PACKAGE}/package.json`));
      if (existsSync(join(dir, FILES[400]))) return (packageDir = dir);
      tried.push(dir);
    } catch {
      tried.push(String(from));
    }
  }
  throw new Error(
    `找不到海报字体包 ${FONT_PACKAGE}，请运行 npm install。 The poster font package ${FONT_PACKAGE} was not found (looked from ${tried.join(', ')}); run npm install.`,
  );
}

/** Path of the font file of a weight. */
export function getFontFile(weight: FontWeight): string {
  return join(getFontPackageDir(), FILES[weight]);
}

/** Package name and version: part of every poster's cache key. */
export function getFontIdentity(): string {
  const pkg = JSON.parse(readFileSync(join(getFontPackageDir(), 'package.json'), 'utf8')) as { version: string };
  return `${FONT_PACKAGE}@${pkg.version}:${FONT_WEIGHTS.map((w) => FILES[w]).join(',')}`;
}

const data = new Map<FontWeight, Buffer>();
const metrics = new Map<FontWeight, FontMetrics>();

/** The bytes of a font file, read once per process. */
export function getFontData(weight: FontWeight): Buffer {
  let d = data.get(weight);
  if (!d) {
    d = readFileSync(getFontFile(weight));
    data.set(weight, d);
  }
  return d;
}

/** Glyph widths and coverage of a weight, parsed once per process. */
export function getFontMetrics(weight: FontWeight): FontMetrics {
  let m = metrics.get(weight);
  if (!m) {
    m = readFontMetrics(getFontData(weight));
    metrics.set(weight, m);
  }
  return m;
}

export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: FontWeight;
  style: 'normal';
}

let satoriFonts: SatoriFont[] | undefined;

/** The one fonts array every satori call gets. */
export function getSatoriFonts(): SatoriFont[] {
  satoriFonts ??= FONT_WEIGHTS.map((weight) => ({ name: FONT_FAMILY, data: getFontData(weight), weight, style: 'normal' as const }));
  return satoriFonts;
}

const advances = new Map<FontWeight, Float64Array>();

/**
 * A weight's advance widths as a function the layout calls for every character of every text it
 * measures: characters of the Basic Multilingual Plane are looked up in the font once and then read
 * from a table (NaN: the font has no glyph), the others in the font each time.
 */
function getAdvance(weight: FontWeight): (cp: number) => number | undefined {
  const m = getFontMetrics(weight);
  let table = advances.get(weight);
  if (!table) {
    table = new Float64Array(0x10000).fill(-1);
    advances.set(weight, table);
  }
  const known = table;
  return (cp) => {
    if (cp > 0xffff) return m.advance(cp);
    const a = known[cp]!;
    if (a >= 0) return a;
    if (Number.isNaN(a)) return undefined;
    const found = m.advance(cp);
    known[cp] = found ?? NaN;
    return found;
  };
}

/** Glyph widths of the poster font, as the layout wants them. */
export function getLayoutFonts(): Fonts {
  return { regular: getAdvance(400), bold: getAdvance(700) };
}
