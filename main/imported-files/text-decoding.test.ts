import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter';
import { EncodingSniffer, chunkDecoder, decodeText, type Sniffed } from './text-decoding';

/** The bytes of a text in a single-byte encoding, as accounting software on Windows writes them. */
const bytesIn = (encoding: 'windows-1252' | 'iso-8859-15' | 'latin1', text: string) => new Uint8Array(iconv.encode(text, encoding));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Sniffs bytes fed in chunks of `size` (1 byte at a time is the worst case for sequences and line ends). */
function sniffIn(bytes: Uint8Array, size: number): Sniffed {
  const sniffer = new EncodingSniffer();
  for (let at = 0; at < bytes.length; at += size) sniffer.push(bytes.subarray(at, at + size));
  return sniffer.result();
}

/** Decodes in chunks of `size`, as the import reads a file. */
function decodeIn(bytes: Uint8Array, size: number): string {
  const sniffed = sniffIn(bytes, size);
  if ('badLines' in sniffed) throw new Error(sniffed.reason);
  const decoder = chunkDecoder(sniffed.encoding);
  let text = '';
  for (let at = 0; at < bytes.length; at += size) text += decoder.write(bytes.subarray(at, at + size));
  return text + decoder.end();
}

const WINDOWS = 'L’Atelier d’Anglais – Formation €uro\r\nŒuvres « complètes » … “citées” — 12,50 €\r\n';

describe('Windows-1252 and ISO-8859-15', () => {
  it('reads Windows-1252 as Windows-1252: ’ – € Œ “ ” … stay themselves, never C1 control characters', () => {
    const decoded = decodeText(bytesIn('windows-1252', WINDOWS));
    expect(decoded).toEqual({ text: WINDOWS, encoding: 'windows-1252' });
    expect((decoded as { text: string }).text).not.toMatch(/[\u0080-\u009f]/);
  });

  it('reads ISO-8859-15 where € and œ are 0xA4 and 0xBD, which ISO-8859-1 reads ¤ and ½', () => {
    const text = 'Stage cœur de métier|1250,00 ¤|Œuvre|¤uro\n';
    const bytes = bytesIn('iso-8859-15', text.replace(/¤/g, '€'));
    expect(decodeText(bytes)).toEqual({ text: text.replace(/¤/g, '€'), encoding: 'iso-8859-15' });
  });

  it('keeps ISO-8859-1 where its own reading is the plausible one: ½ after a digit, ´ between two letters', () => {
    const text = 'Formation 1½ jour, 2¼ heures|L´Atelier d´Anglais|Société\n';
    expect(decodeText(bytesIn('latin1', text))).toEqual({ text, encoding: 'iso-8859-1' });
  });

  it('decides on the whole file: one 0x80–0x9F byte anywhere makes an otherwise ISO-looking file Windows-1252', () => {
    const text = `${'Stage cœur 1250,00 €\n'.repeat(50)}Fin – merci\n`;
    const bytes = bytesIn('windows-1252', text);
    for (const size of [1, 7, 4096]) expect(sniffIn(bytes, size)).toEqual({ encoding: 'windows-1252', bom: 0 });
    expect(decodeIn(bytes, 7)).toBe(text);
  });

  it('finds the same encoding and text whatever the chunks, a UTF-8 character cut between two of them included', () => {
    const text = `\uFEFFJournal|Société Générale — 1 250,00 €|漢字|😀\r\n${'Hélène Dupré|Œuvre\r\n'.repeat(40)}`;
    const bytes = utf8(text);
    for (const size of [1, 2, 3, 5, 64, 1 << 20]) {
      expect(sniffIn(bytes, size)).toEqual({ encoding: 'utf-8', bom: 3 });
      expect(decodeIn(bytes, size)).toBe(text.slice(1));
    }
  });

  it('names the lines of a refused file, with LF, CRLF or CR-only line ends, whatever the chunks', () => {
    const lines = ['JournalCode|Société', 'ok|déjà', 'ok|plain'];
    for (const end of ['\n', '\r\n', '\r']) {
      // Lines 4 and 6 were appended in ISO-8859-1 to a UTF-8 file: two encodings mixed.
      const bytes = new Uint8Array([
        ...utf8(lines.join(end) + end),
        ...bytesIn('latin1', `Hélène${end}`),
        ...utf8(`plain${end}`),
        ...bytesIn('latin1', `Dupré${end}`),
      ]);
      for (const size of [1, 3, 1 << 16]) expect(sniffIn(bytes, size), JSON.stringify(end)).toEqual({ badLines: [4, 6], reason: 'mixed' });
      const utf16 = new Uint8Array(Buffer.from(`a${end}b${end}`, 'utf16le'));
      expect(sniffIn(utf16, 5)).toEqual({ reason: 'binary', badLines: [1, 2, 3] });
    }
  });
});

describe('LineSplitter', () => {
  const split = (text: string, size: number) => {
    const lines: [number, string][] = [];
    const splitter = new LineSplitter((line, n) => lines.push([n, line]));
    for (let at = 0; at < text.length; at += size) splitter.push(text.slice(at, at + size));
    splitter.end();
    return lines;
  };

  it('cuts at LF, CRLF, or CR alone when the first line ends so, whatever the chunks', () => {
    const expected = [
      [1, 'a|b'],
      [2, ''],
      [3, 'c'],
    ];
    for (const size of [1, 2, 100]) {
      expect(split('a|b\n\nc\n', size)).toEqual(expected);
      expect(split('a|b\r\n\r\nc\r\n', size)).toEqual(expected);
      expect(split('a|b\r\rc\r', size)).toEqual(expected);
      expect(split('a|b\r\rc', size)).toEqual(expected);
    }
    // In an LF file a stray CR inside a line stays in it.
    expect(split('a\r\nb\rc\r\n', 1)).toEqual([
      [1, 'a'],
      [2, 'b\rc'],
    ]);
  });
});
