/** The part of fontkit (a dev dependency without bundled types) the poster font tests use. */
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): { advanceWidth: number; id: number };
  }
  export function openSync(path: string): Font;
}
