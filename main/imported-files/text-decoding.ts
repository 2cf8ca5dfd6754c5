/**
 * Accounting software writes its files in UTF-8 or in ISO-8859-1 (in practice Windows-1252, its superset
 * with € at 0x80). Valid UTF-8 is read as UTF-8. A file with no UTF-8 sequence at all is read as
 * Windows-1252. A file where valid UTF-8 sequences sit beside bytes that are not UTF-8 is two encodings
 * mixed (a file edited by hand, a concatenation): reading it either way would garble names, so it is
 * refused with the lines concerned. NUL bytes mean UTF-16 or a binary file, which are refused too.
 */
export type Decoded = { text: string; encoding: 'utf-8' | 'iso-8859-1' } | { badLines: number[]; reason: 'mixed' | 'binary' };

export function decodeText(bytes: Uint8Array): Decoded {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  const nulLines = linesWhere(body, (b) => b === 0);
  if (nulLines.length > 0) return { badLines: nulLines.slice(0, 50), reason: 'binary' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not UTF-8 throughout: either another encoding, or a mix.
  }
  const scan = scanUtf8(body);
  if (scan.validMultibyte > 0) return { badLines: scan.invalidLines.slice(0, 50), reason: 'mixed' };
  return { text: new TextDecoder('windows-1252').decode(body), encoding: 'iso-8859-1' };
}

function linesWhere(bytes: Uint8Array, test: (b: number) => boolean): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i]!;
    if (b === 0x0a) line += 1;
    else if (test(b) && lines.at(-1) !== line) lines.push(line);
  }
  return lines;
}

/** Counts well-formed UTF-8 multibyte sequences, and the lines holding bytes that are not UTF-8. */
function scanUtf8(bytes: Uint8Array): { validMultibyte: number; invalidLines: number[] } {
  let validMultibyte = 0;
  const invalidLines: number[] = [];
  let line = 1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b === 0x0a) line += 1;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k += 1) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      validMultibyte += 1;
      i += length;
    } else {
      if (invalidLines.at(-1) !== line) invalidLines.push(line);
      i += 1;
    }
  }
  return { validMultibyte, invalidLines };
}
