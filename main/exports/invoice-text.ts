import bidiFactory from 'bidi-js';
import { refusal } from '../../shared/errors/error-text';
import type { FontSource, InvoiceFonts, ShapingFont } from './invoice-fonts';
import {
  BIDI_CONTROL,
  CONTROL,
  covers,
  describeCharacter,
  directed,
  ELLIPSIS,
  face,
  IGNORABLE,
  isLowSurrogate,
  lineBreaker,
  printableText,
  resized,
  RTL_TRIGGER,
  SHARED,
  trimEnd,
  type Face,
} from './invoice-text-support';

export { describeCharacter, printableText } from './invoice-text-support';

/**
 * Text of any script set in the boxes of an invoice, for pdfkit, which draws runs of glyphs in one font, left
 * to right, and does neither of the two things other scripts need:
 * - **A font per run.** Each character is drawn with the first font of the chain that has its glyph
 *   (DejaVu Sans, then Arabic, Hebrew, CJK, Korean), except letters of a script that has a font of its own,
 *   which take it first; spaces, digits and punctuation stay in the font of the text around them when it has
 *   them, as in HarfBuzz's script runs, so that a name is shaped as a whole (Latin digits and signs keep
 *   DejaVu where the font around is drawn larger, as Arabic is).
 * - **Right-to-left order.** The Unicode Bidirectional Algorithm (bidi-js) gives each character its level;
 *   each line is cut into runs of one level and one font, the runs are put in visual order (rule L2, run by
 *   run), and a right-to-left run is shaped right to left (fontkit joins the Arabic letters and returns the
 *   glyphs in visual order) with its brackets mirrored. Digits keep their left-to-right order inside
 *   right-to-left text, and words keep their spaces.
 * Lines are broken at the opportunities of the Unicode Line Breaking Algorithm (the `linebreak` package
 * pdfkit itself uses): between words, and between CJK ideographs, which have no spaces. A word wider than
 * the box is broken between characters. Each line is aligned in the box as the box asks (left, right,
 * center), whatever its direction: the invoice is a French or English document quoting the name as written.
 * Lines are as high as DejaVu's, every run sits on the same baseline, and lines that pass the page's bottom
 * margin go on to a new page, as with pdfkit's own text. A text DejaVu sets alone, left to right (most
 * texts), is still handed to pdfkit's own wrapping: the same result for it, and faster.
 *
 * A character no font has a glyph for is never drawn as an empty box: `unprintable` lists them (the export
 * checks every text before it writes anything), and setting such a text throws export_unprintable_text.
 * Control characters other than line ends and tabs are refused the same way.
 */

type Doc = PDFKit.PDFDocument;

export type Weight = 'regular' | 'bold';

export interface TextStyle {
  weight?: Weight;
  size?: number;
  color?: string;
  align?: 'left' | 'right' | 'center';
  /** At most this height: the last line that fits ends with an ellipsis. */
  height?: number;
}

/** A run of one face and one direction, in visual order on its line. */
interface Run {
  text: string;
  face: Face;
  rtl: boolean;
  /** In thousandths of the font size. */
  width: number;
}

interface Line {
  runs: Run[];
  width: number;
  /** The paragraph's direction: where its end is, should the line be cut. */
  rtl: boolean;
}

const bidi = bidiFactory();

export class Typesetter {
  private readonly chains: Record<Weight, Face[]>;
  private readonly registered = new WeakMap<Doc, Set<string>>();
  private readonly widths = new Map<Face, Map<string, number>>();
  private readonly checked = new Map<string, string[]>();
  private readonly plainTexts = new Map<string, boolean>();

  constructor(fonts: InvoiceFonts, fallbacks: InvoiceFonts['fallbacks']) {
    const base = (name: Weight, source: FontSource): Face => face(name, () => source);
    const regular: Face[] = [base('regular', fonts.regular)];
    const bold: Face[] = [base('bold', fonts.bold)];
    for (const fallback of fallbacks ?? []) {
      const script = { ...(fallback.script ? { script: fallback.script } : {}), scale: fallback.scale ?? 1 };
      const own = face(fallback.name, () => fallback.regular, script);
      regular.push(own);
      // Read through the property when needed: reading `bold` may load the file.
      bold.push('bold' in fallback ? face(`${fallback.name}-bold`, () => fallback.bold ?? fallback.regular, script) : own);
    }
    this.chains = { regular, bold };
  }

  /** The characters of `text` that no font of `weight` draws, each once, in order. */
  unprintable(text: string, weight: Weight = 'regular'): string[] {
    // The shop's texts and the catalog's labels come back on every invoice.
    const key = `${weight}\u0000${text}`;
    let missing = this.checked.get(key);
    if (!missing) {
      missing = this.missingIn(text, weight);
      if (this.checked.size >= CHECKED_KEPT) this.checked.delete(this.checked.keys().next().value as string);
      this.checked.set(key, missing);
    }
    return [...missing];
  }

  private missingIn(text: string, weight: Weight): string[] {
    const missing = new Set<string>();
    let current: Face | undefined;
    for (const character of printableText(text)) {
      if (character === '\n') continue;
      const found = this.faceFor(character, current, this.chains[weight]);
      if (found) current = found;
      else missing.add(character);
    }
    return [...missing];
  }

  /** The height `text` takes in a box of `width`. */
  height(doc: Doc, text: string, width: number, style: TextStyle = {}): number {
    const printable = printableText(text);
    if (this.plain(printable, style.weight ?? 'regular')) return doc.heightOfString(printable, this.pdfkitOptions(doc, width, style));
    return this.lines(printable, width, style).length * this.lineHeight(style);
  }

  /**
   * Draws `text` in a box of `width` at (x, y) and returns its height. Like pdfkit's own text, lines that
   * would pass the page's bottom margin go on to a new page (unless the style sets a height).
   */
  draw(doc: Doc, text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    const printable = printableText(text);
    if (this.plain(printable, style.weight ?? 'regular')) {
      const options = this.pdfkitOptions(doc, width, style);
      const height = doc.heightOfString(printable, options);
      doc.text(printable, x, y, options);
      return height;
    }
    const size = style.size ?? 9;
    const lines = this.lines(printable, width, style);
    const lineHeight = this.lineHeight(style);
    const base = this.chains[style.weight ?? 'regular'][0]!.font();
    const ascent = (base.ascent / base.unitsPerEm) * size;
    let top = y;
    for (const line of lines) {
      if (style.height === undefined && top + lineHeight > doc.page.maxY()) {
        doc.continueOnNewPage();
        top = doc.page.margins.top;
      }
      const lineWidth = (line.width * size) / 1000;
      let left = x;
      if (style.align === 'right') left += width - lineWidth;
      else if (style.align === 'center') left += (width - lineWidth) / 2;
      for (const run of line.runs) {
        this.use(doc, run.face);
        doc
          .font(run.face.name)
          .fontSize(size * run.face.scale)
          .fillColor(style.color ?? 'black');
        // The baseline given as is, so that runs of fonts with other ascents line up; the width as measured.
        const features = directed(run.text, run.rtl);
        const textWidth = (run.width * size) / 1000;
        const options = { lineBreak: false, baseline: 'alphabetic', textWidth, ...(features ? { features } : {}) };
        doc.text(run.text, left, top + ascent, options as PDFKit.Mixins.TextOptions);
        left += textWidth;
      }
      top += lineHeight;
    }
    return lines.length * lineHeight;
  }

  /**
   * Whether pdfkit alone sets `text` as it should: every character in DejaVu, none right to left, none of a
   * script that has a font of its own. Most texts are, and pdfkit's own wrapping is the faster.
   */
  private plain(text: string, weight: Weight): boolean {
    const key = `${weight}\u0000${text}`;
    let plain = this.plainTexts.get(key);
    if (plain === undefined) {
      const chain = this.chains[weight];
      plain = !RTL_TRIGGER.test(text);
      for (const character of text) {
        if (!plain) break;
        if (character === '\n') continue;
        plain =
          !CONTROL.test(character) &&
          covers(chain[0]!, character.codePointAt(0) ?? 0) &&
          chain.every((face) => !face.script?.test(character));
      }
      if (this.plainTexts.size >= CHECKED_KEPT) this.plainTexts.delete(this.plainTexts.keys().next().value as string);
      this.plainTexts.set(key, plain);
    }
    return plain;
  }

  /** pdfkit's options for a plain text, its font set on the document. */
  private pdfkitOptions(doc: Doc, width: number, style: TextStyle): PDFKit.Mixins.TextOptions {
    const face = this.chains[style.weight ?? 'regular'][0]!;
    this.use(doc, face);
    doc
      .font(face.name)
      .fontSize(style.size ?? 9)
      .fillColor(style.color ?? 'black');
    return { width, align: style.align ?? 'left', ...(style.height === undefined ? {} : { height: style.height, ellipsis: true }) };
  }

  private lineHeight(style: TextStyle): number {
    const font = this.chains[style.weight ?? 'regular'][0]!.font();
    const metrics = font as ShapingFont & { descent: number; lineGap: number };
    return ((font.ascent - metrics.descent + metrics.lineGap) / font.unitsPerEm) * (style.size ?? 9);
  }

  /** Registers a face in the document the first time the document uses it. */
  private use(doc: Doc, face: Face): void {
    let names = this.registered.get(doc);
    if (!names) this.registered.set(doc, (names = new Set()));
    if (names.has(face.name)) return;
    // pdfkit takes a parsed fontkit font as well as bytes or a path (see invoice-fonts.ts); its types do not.
    doc.registerFont(face.name, face.source() as Buffer);
    names.add(face.name);
  }

  private faceFor(character: string, current: Face | undefined, chain: readonly Face[]): Face | undefined {
    // The other control characters (C0, C1) are no text: the trace of a file decoded with the wrong
    // encoding, as often as not. Refused, so that the operator sees them, rather than left out.
    if (CONTROL.test(character)) return undefined;
    const codePoint = character.codePointAt(0) ?? 0;
    if (current && (IGNORABLE.test(character) || (SHARED.test(character) && covers(current, codePoint) && !resized(current, character)))) {
      return current;
    }
    for (const face of chain) if (face.script?.test(character) && covers(face, codePoint)) return face;
    for (const face of chain) if (covers(face, codePoint)) return face;
    return IGNORABLE.test(character) ? chain[0] : undefined;
  }

  /** The lines of `text` (printable) in a box of `width`, each as runs in visual order. */
  private lines(text: string, width: number, style: TextStyle): Line[] {
    const chain = this.chains[style.weight ?? 'regular'];
    const size = style.size ?? 9;
    const room = (width * 1000) / size;
    const lines: Line[] = [];
    const paragraphs = text.split('\n');
    if (paragraphs.length === 1 && paragraphs[0] === '') return [];
    for (const paragraph of paragraphs) {
      const faces = this.facesOf(paragraph, chain);
      // The paragraph's direction is its first strong letter's (rules P2, P3).
      const embedding = RTL_TRIGGER.test(paragraph) ? bidi.getEmbeddingLevels(paragraph, 'auto') : null;
      const rtl = (embedding?.paragraphs[0]?.level ?? 0) % 2 === 1;
      for (const [start, end] of this.breakLines(paragraph, faces, room)) {
        lines.push(this.lineOf(paragraph, faces, embedding?.levels ?? null, rtl, start, end));
      }
    }
    const maxLines = style.height === undefined ? Infinity : Math.max(1, Math.floor(style.height / this.lineHeight(style) + 1e-6));
    if (lines.length <= maxLines) return lines;
    return [...lines.slice(0, maxLines - 1), this.ellipsisLine(lines[maxLines - 1]!, room, chain)];
  }

  /** The face of every UTF-16 unit of the paragraph (both halves of a pair alike); throws on a character without one. */
  private facesOf(paragraph: string, chain: readonly Face[]): Face[] {
    const faces: Face[] = [];
    let current: Face | undefined;
    const missing: string[] = [];
    for (const character of paragraph) {
      const found = this.faceFor(character, current, chain);
      if (!found) {
        if (!missing.includes(character)) missing.push(character);
        continue;
      }
      current = found;
      for (let unit = 0; unit < character.length; unit += 1) faces.push(found);
    }
    if (missing.length > 0) {
      // The paragraph is details.paragraph: details.text is the refusal's words (shared/errors/error-text.ts).
      throw refusal(
        'export_unprintable_text',
        'export.unprintableParagraph',
        { characters: missing.map(describeCharacter).join(', '), text: paragraph },
        { paragraph, characters: missing.map(describeCharacter) },
      );
    }
    return faces;
  }

  /** Where each line starts and ends (trailing spaces left out), breaking where the Unicode rules allow. */
  private breakLines(paragraph: string, faces: readonly Face[], room: number): [number, number][] {
    if (paragraph === '') return [[0, 0]];
    const lines: [number, number][] = [];
    const breaker = lineBreaker(paragraph);
    let lineStart = 0;
    let lineEnd = 0;
    let lineWidth = 0;
    let segmentStart = 0;
    for (let opportunity = breaker.nextBreak(); opportunity; opportunity = breaker.nextBreak()) {
      const segmentEnd = opportunity.position;
      const contentEnd = trimEnd(paragraph, segmentStart, segmentEnd);
      const content = this.measure(paragraph, faces, segmentStart, contentEnd);
      const spaces = this.measure(paragraph, faces, contentEnd, segmentEnd);
      if (lineEnd > lineStart && lineWidth + content > room + 1e-6) {
        lines.push([lineStart, lineEnd]);
        lineStart = segmentStart;
        lineWidth = 0;
      }
      if (lineWidth === 0 && content > room + 1e-6) {
        // A word wider than the box: as many characters a line as fit.
        let from = segmentStart;
        for (const [start, end] of this.breakWord(paragraph, faces, segmentStart, contentEnd, room)) {
          if (end === contentEnd) {
            from = start;
            break;
          }
          lines.push([start, end]);
        }
        lineStart = from;
        lineWidth = this.measure(paragraph, faces, from, contentEnd) + spaces;
      } else {
        lineWidth += content + spaces;
      }
      lineEnd = contentEnd;
      segmentStart = segmentEnd;
    }
    lines.push([lineStart, lineEnd]);
    return lines;
  }

  /** A word cut into pieces that fit, between characters (a combining mark stays with its base). */
  private breakWord(paragraph: string, faces: readonly Face[], start: number, end: number, room: number): [number, number][] {
    const pieces: [number, number][] = [];
    let from = start;
    let index = start;
    while (index < end) {
      let next = index + (paragraph.codePointAt(index)! > 0xffff ? 2 : 1);
      while (next < end && /\p{M}/u.test(String.fromCodePoint(paragraph.codePointAt(next)!))) next += 1;
      if (index > from && this.measure(paragraph, faces, from, next) > room + 1e-6) {
        pieces.push([from, index]);
        from = index;
      }
      index = next;
    }
    pieces.push([from, end]);
    return pieces;
  }

  /** One line as runs of one face and one level, in visual order, with their widths. */
  private lineOf(paragraph: string, faces: readonly Face[], levels: Uint8Array | null, rtl: boolean, start: number, end: number): Line {
    const logical: { text: string; face: Face; level: number }[] = [];
    for (let index = start; index < end; index += 1) {
      const character = paragraph[index]!;
      if (levels && BIDI_CONTROL.test(character)) continue;
      // The low half of a surrogate pair goes with its high half.
      const level = levels?.[isLowSurrogate(character) && index > start ? index - 1 : index] ?? 0;
      const face = faces[index]!;
      const last = logical[logical.length - 1];
      const shown = level % 2 === 1 ? (bidi.getMirroredCharacter(character) ?? character) : character;
      if (last && last.face === face && last.level === level) last.text += shown;
      else logical.push({ text: shown, face, level });
    }
    // Rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above.
    const runs = [...logical];
    const highest = Math.max(0, ...runs.map((run) => run.level));
    const lowestOdd = Math.min(...runs.map((run) => run.level).filter((level) => level % 2 === 1), highest + 1);
    for (let level = highest; level >= lowestOdd; level -= 1) {
      for (let index = 0; index < runs.length;) {
        if (runs[index]!.level < level) {
          index += 1;
          continue;
        }
        let stop = index;
        while (stop < runs.length && runs[stop]!.level >= level) stop += 1;
        runs.splice(index, stop - index, ...runs.slice(index, stop).reverse());
        index = stop;
      }
    }
    const placed = runs.map((run): Run => {
      const rtl = run.level % 2 === 1;
      return { text: run.text, face: run.face, rtl, width: this.advance(run.face, run.text, rtl) };
    });
    return { runs: placed, width: placed.reduce((sum, run) => sum + run.width, 0), rtl };
  }

  /** The last line that fits, cut so that an ellipsis fits after it. */
  private ellipsisLine(line: Line, room: number, chain: readonly Face[]): Line {
    const ellipsis: Run = { text: ELLIPSIS, face: chain[0]!, rtl: false, width: this.advance(chain[0]!, ELLIPSIS, false) };
    // Cut at the line's end in reading order: its right end, or its left end when the paragraph is right to left.
    const runs = line.runs.map((run) => ({ ...run }));
    if (line.rtl) runs.reverse();
    let width = line.width + ellipsis.width;
    while (width > room + 1e-6 && runs.length > 0) {
      const last = runs[runs.length - 1]!;
      const characters = [...last.text];
      characters.pop();
      width -= last.width;
      if (characters.length === 0) {
        runs.pop();
        continue;
      }
      last.text = characters.join('').trimEnd();
      last.width = this.advance(last.face, last.text, last.rtl);
      width += last.width;
    }
    runs.push(ellipsis);
    if (line.rtl) runs.reverse();
    return { runs, width: runs.reduce((sum, run) => sum + run.width, 0), rtl: line.rtl };
  }

  /** The width of logical [start, end) of the paragraph, in thousandths of the font size. */
  private measure(paragraph: string, faces: readonly Face[], start: number, end: number): number {
    let width = 0;
    let from = start;
    for (let index = start + 1; index <= end; index += 1) {
      if (index === end || faces[index] !== faces[from]) {
        width += this.advance(faces[from]!, paragraph.slice(from, index), false);
        from = index;
      }
    }
    return width;
  }

  /**
   * The advance of `text` in `face`, in thousandths of the font size, laid out as pdfkit will draw it:
   * left-to-right text word by word (pdfkit cuts it after each space), a run with a direction whole.
   */
  private advance(face: Face, text: string, rtl: boolean): number {
    let known = this.widths.get(face);
    if (!known) this.widths.set(face, (known = new Map()));
    const key = rtl ? `\u0000${text}` : text;
    let width = known.get(key);
    if (width === undefined) {
      const font = face.font();
      const features = directed(text, rtl);
      const pieces = features ? [text] : (text.match(/[^ \t]*[ \t]|[^ \t]+$/g) ?? []);
      let units = 0;
      for (const piece of pieces) {
        const run = features ? font.layout(piece, features) : font.layout(piece);
        for (const position of run.positions) units += position.xAdvance;
      }
      width = (units * 1000 * face.scale) / font.unitsPerEm;
      if (known.size >= WIDTHS_KEPT) known.delete(known.keys().next().value as string);
      known.set(key, width);
    }
    return width;
  }
}

/** Widths kept per face (a number each): the words and names of thousands of invoices. */
const WIDTHS_KEPT = 50_000;
/** Texts whose check is remembered. */
const CHECKED_KEPT = 10_000;
