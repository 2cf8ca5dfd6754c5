/**
 * The operator's search box → an FTS5 query over bill_search / customer_search (migration 0030).
 *
 * Each word the operator types must appear, as the start of a word ("lef" finds "Lefèvre"), in any order; a
 * word of one letter must appear whole.
 * Each word is quoted, so FTS5 operators typed by the operator (AND, OR, NEAR, -, ^, column filters) are
 * plain text, never query syntax; inside the quotes the tokenizer splits "jean.dupont@acme" or
 * "TX-2024-0042" into a phrase, which matches the same split in the indexed text. Accents and case are
 * dropped by the tokenizer on both sides; the ligatures it keeps whole are spelled out here as the
 * migration's triggers spell them out in the index.
 */

/** More words narrow nothing useful and each costs a doclist merge. */
const MAX_WORDS = 8;

export function foldLigatures(text: string): string {
  return text.replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE');
}

/** The MATCH expression for a search, or null when the input holds nothing searchable (blank, punctuation). */
export function ftsQuery(input: string): string | null {
  const words = foldLigatures(input)
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  // A single letter as a prefix would match most of the index ("l" and every word in l…): it must be a word.
  return words.map((word) => `"${word.replace(/"/g, '""')}"${[...word].length > 1 ? '*' : ''}`).join(' ');
}
