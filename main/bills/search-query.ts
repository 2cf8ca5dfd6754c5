/**
 * The operator's search box → an FTS5 query over bill_search / customer_search (migration 0030), and the set
 * of bills it finds.
 *
 * Each word the operator types must appear, as the start of a word ("lef" finds "Lefèvre"), in any order; a
 * word of one letter must appear whole.
 * Each word is quoted, so FTS5 operators typed by the operator (AND, OR, NEAR, -, ^, column filters) are
 * plain text, never query syntax; inside the quotes the tokenizer splits "jean.dupont@acme" or
 * "TX-2024-0042" into a phrase, which matches the same split in the indexed text. Accents and case are
 * dropped by the tokenizer on both sides; the ligatures it keeps whole are spelled out here as the
 * migration's triggers spell them out in the index.
 *
 * A number is how an operator names a bill ("4999"): it finds the bill of that number (the Reference
 * column, the bill's id, which the index does not hold: it is looked up by primary key), and the numbers
 * written with leading zeros in references such as the lettering FA-2026-004999, where the tokenizer keeps
 * "004999" as one word that "4999" does not start. Both are matched here, on the query side, rather than by
 * adding words to the index: the index stays as migration 0030 built it, with no rebuild of a million rows.
 */

/** More words narrow nothing useful and each costs a doclist merge. */
const MAX_WORDS = 8;
/** A number is also looked for with leading zeros, up to this many digits in all (references pad to 6 or 7). */
const MAX_PADDED_DIGITS = 10;
/** Beyond this a run of digits is no bill number (ids are safe integers); it stays a plain word. */
const MAX_NUMBER_DIGITS = 15;

export function foldLigatures(text: string): string {
  return text.replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE');
}

interface SearchWord {
  /** The FTS5 expression this word must match. */
  term: string;
  /** The bill number the word names, when it is one (digits only, leading zeros dropped). */
  number: number | null;
  /** Numbers, letterings and transaction ids hold digits; names and titles seldom do. */
  hasDigit: boolean;
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

function searchWord(word: string): SearchWord {
  // A single letter as a prefix would match most of the index ("l" and every word in l…): it must be a word.
  const plain = `${quoted(word)}${[...word].length > 1 ? '*' : ''}`;
  // "#4999" and "4999," name the same bill: only what surrounds the digits may be punctuation.
  const hasDigit = /\d/.test(word);
  const digits = /^[^\p{L}\p{N}]*(\d+)[^\p{L}\p{N}]*$/u.exec(word)?.[1];
  if (!digits || digits.length > MAX_NUMBER_DIGITS) return { term: plain, number: null, hasDigit };
  const value = digits.replace(/^0+/, '');
  if (value === '') return { term: plain, number: null, hasDigit };
  const padded: string[] = [];
  for (let length = value.length; length <= MAX_PADDED_DIGITS; length += 1) {
    const spelled = value.padStart(length, '0');
    if (spelled !== digits) padded.push(quoted(spelled));
  }
  return { term: padded.length > 0 ? `(${[plain, ...padded].join(' OR ')})` : plain, number: Number(value), hasDigit };
}

function wordsOf(input: string): SearchWord[] {
  return foldLigatures(input)
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_WORDS)
    .map(searchWord);
}

const conjunction = (words: readonly SearchWord[]) => words.map((word) => word.term).join(' AND ');

/** The MATCH expression for a search, or null when the input holds nothing searchable (blank, punctuation). */
export function ftsQuery(input: string): string | null {
  const words = wordsOf(input);
  return words.length === 0 ? null : conjunction(words);
}

/** Whether a search names something only a bill carries: a number, a lettering, a transaction id. */
export function namesABill(input: string): boolean {
  return wordsOf(input).some((word) => word.hasDigit);
}

export interface IdsQuery {
  /** A SELECT of one column: the ids of the bills found (each once). */
  sql: string;
  params: unknown[];
}

/**
 * The bills a search finds, as a SELECT of their ids: the bills whose text holds every word, and for each
 * word that is a number, the bill of that number when its text holds the other words.
 *
 * The parts are disjoint (each number's bill is left out of its part when the text alone finds it; two
 * numbers are two bills), so they are joined with UNION ALL: a UNION would sort a search's ids to drop
 * duplicates, which at a million bills costs as much as the search itself ("2025": 250,000 letterings).
 *
 * `foundByTheirOwnText`: leave out the bills found through their customer's text alone (the customer's name,
 * email, organisation hold every word); what finds the customers owning the bills a search names, when the
 * customers themselves are searched apart (their own index is smaller than all their bills).
 */
export function billIdsQuery(input: string, options: { foundByTheirOwnText?: boolean } = {}): IdsQuery | null {
  const words = wordsOf(input);
  if (words.length === 0) return null;
  const all = conjunction(words);
  const everyWord = options.foundByTheirOwnText ? `(${all}) NOT (customer : (${all}))` : all;
  const parts = ['SELECT rowid FROM bill_search WHERE bill_search MATCH ?'];
  const params: unknown[] = [everyWord];
  // CAST: FTS5 seeks a rowid bound as an integer, but given a JavaScript number (a REAL for better-sqlite3)
  // beside a MATCH it has been seen to drop the rowid constraint and return every match.
  const notFoundByText = 'NOT IN (SELECT rowid FROM bill_search WHERE bill_search MATCH ? AND rowid = CAST(? AS INTEGER))';
  const numbers = new Set<number>();
  words.forEach((word, index) => {
    if (word.number === null || numbers.has(word.number)) return;
    numbers.add(word.number);
    const others = words.filter((_, i) => i !== index);
    if (others.length === 0) {
      parts.push(`SELECT id FROM bill WHERE id = ? AND id ${notFoundByText}`);
      params.push(word.number, everyWord, word.number);
    } else {
      parts.push(`SELECT rowid FROM bill_search WHERE bill_search MATCH ? AND rowid = CAST(? AS INTEGER) AND rowid ${notFoundByText}`);
      params.push(conjunction(others), word.number, everyWord, word.number);
    }
  });
  return { sql: parts.join(' UNION ALL '), params };
}
