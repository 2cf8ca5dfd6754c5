import fs from 'node:fs';
import { fontkitCreate, fromPdfkit, LEFT_TO_RIGHT, RIGHT_TO_LEFT, type FontSource, type ShapingFont } from './invoice-fonts';

/**
 * What the typesetter (invoice-text.ts) is built on: the faces of the font chain, the character classes that
 * steer font choice and direction, and the Unicode line breaker. Split from the typesetter to keep each file
 * readable; nothing here draws.
 */

export interface Face {
  /** Registered in each document under this name. */
  name: string;
  source: () => FontSource;
  /** Letters of this script take this face before the others. */
  script?: RegExp;
  /** Drawn at this multiple of the size asked. */
  scale: number;
  /** The parsed font, for coverage and widths: the very one pdfkit draws with when the source is parsed. */
  font: () => ShapingFont;
}

/** Characters of Unicode's Common and Inherited scripts: spaces, digits, punctuation, combining marks. */
export const SHARED = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
export const CONTROL = /^\p{Cc}$/u;
/** Latin digits and punctuation: in a face drawn larger (Arabic), they would look larger than elsewhere. */
export const LATIN_SIGN = /^[!-~]$/;
/** Invisible characters: they need no glyph, and fontkit hides those a font lacks. */
export const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
/** Explicit direction marks and embeddings: they steer the algorithm, then are removed (rule X9). */
export const BIDI_CONTROL = /^[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]$/u;
/**
 * Right-to-left letters (Hebrew to Arabic extended, their presentation forms, the historic scripts of the
 * supplementary planes) and the marks that make text right to left: text with none of them is left to right
 * throughout, and the bidirectional algorithm is skipped.
 */
export const RTL_TRIGGER = /[\u0590-\u08ff\u200f\u202b\u202e\u2067\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

export const ELLIPSIS = '…';

/** `ᱚ (U+1C5A)`: a character as an operator can look it up (an invisible one by its code alone). */
export function describeCharacter(character: string): string {
  const code = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{Cc}\p{Cf}\p{Z}]$/u.test(character) ? code : `${character} (${code})`;
}

/** Carriage returns and Unicode's line and paragraph separators as line ends, tabs and the like as spaces. */
export function printableText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/[\t\v\f]/g, ' ');
}

export function face(name: string, source: () => FontSource, options: { script?: RegExp; scale?: number } = {}): Face {
  let parsed: ShapingFont | undefined;
  return {
    name,
    source,
    scale: 1,
    ...options,
    font: () => {
      if (!parsed) {
        const given = source();
        // Bytes or a path (the benchmark's naive ways): parsed once more here, for coverage and widths.
        parsed =
          typeof given === 'string' || Buffer.isBuffer(given)
            ? (fontkitCreate(Buffer.isBuffer(given) ? given : fs.readFileSync(given)) as ShapingFont)
            : given;
      }
      return parsed;
    },
  };
}

/**
 * The direction to shape a run in, when fontkit's guess from the script would not do: a right-to-left run
 * always; a left-to-right one holding characters of a right-to-left script (Arabic-Indic digits) too.
 */
export function directed(text: string, rtl: boolean): readonly string[] | undefined {
  if (rtl) return RIGHT_TO_LEFT;
  return RTL_TRIGGER.test(text) ? LEFT_TO_RIGHT : undefined;
}

/** Whether the character would look larger in `face` than in the text around (Latin digits and signs in Arabic). */
export function resized(face: Face, character: string): boolean {
  return face.scale !== 1 && LATIN_SIGN.test(character);
}

export function isLowSurrogate(unit: string): boolean {
  const code = unit.charCodeAt(0);
  return code >= 0xdc00 && code <= 0xdfff;
}

export function covers(face: Face, codePoint: number): boolean {
  return face.font().hasGlyphForCodePoint(codePoint);
}

/** Spaces a line may end on, unseen (no-break spaces are not among them). */
const BREAKING_SPACE = /[ \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]/;

export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && BREAKING_SPACE.test(text[end - 1]!)) end -= 1;
  return end;
}

export interface LineBreaker {
  nextBreak(): { position: number; required: boolean } | null;
}

let LineBreakerClass: (new (text: string) => LineBreaker) | undefined;

/** The Unicode Line Breaking Algorithm, from the copy of `linebreak` pdfkit uses for its own wrapping. */
export function lineBreaker(text: string): LineBreaker {
  LineBreakerClass ??= fromPdfkit('linebreak') as new (text: string) => LineBreaker;
  return new LineBreakerClass(text);
}
