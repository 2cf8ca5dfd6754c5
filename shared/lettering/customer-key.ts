/**
 * A customer's name as a comparison key: accents, case, punctuation, word order and legal forms ignored, so
 * "Société Générale SA", "SOCIETE GENERALE" and "générale société" are one key, "Sté Martin" is "Société
 * Martin", "Ets Martin" is "Établissements Martin", and "Jean Dupont" matches "DUPONT Jean". An empty key never
 * matches anything. A first name cut to an initial ("J. Dupont") is matched apart, by `initialKeys`.
 */
const LEGAL_FORMS = new Set([
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sci',
  'snc',
  'scop',
  'ste',
  'societe',
  'ltd',
  'llc',
  'inc',
  'gmbh',
  'bv',
  'srl',
  'cie',
  'compagnie',
  'et',
  'and',
  'the',
  'le',
  'la',
  'les',
  'de',
  'du',
  'des',
  'mr',
  'mme',
  'm',
]);

export function foldText(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
      // Greek: the final sigma is the same letter.
      .replace(/ς/g, 'σ')
  );
}

/** Words written short: one word whatever the spelling. */
const SAME_WORD = new Map([
  ['etablissements', 'ets'],
  ['etablissement', 'ets'],
  ['etabl', 'ets'],
  ['etab', 'ets'],
]);

/** The words of a name that count, folded, in the order written. */
function nameWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !LEGAL_FORMS.has(w))
    .map((w) => SAME_WORD.get(w) ?? w);
}

const known = new Map<string, string>();

export function customerKey(text: string): string {
  // The same names come back thousands of times in a ledger: fold each once.
  const cached = known.get(text);
  if (cached !== undefined) return cached;
  if (known.size > 200_000) known.clear();
  const key = nameWords(text).sort().join(' ');
  known.set(text, key);
  return key;
}

const isInitial = (w: string) => w.length === 1 && /\p{L}/u.test(w);

/**
 * A person's name with a first name cut to an initial: "J. Dupont" and "Jean Dupont" are one person to these
 * keys, "J. Dupont" and "Jacques Dupont" too (so both make a pair ambiguous), "Jean Dupont" and "Jacques Dupont"
 * never. A name written with an initial has the key `abbreviated` (its own words: "dupont j"); a full name has
 * `expanded`, the keys of its possible abbreviations (each word, or all but the last, cut to its initial). The
 * two sides meet only across: an initial against a full name. Names of 2 to 4 words only; none for the others.
 */
export function initialKeys(text: string): InitialKeys {
  // Thousands of bills share a name: each is read once.
  const cached = knownInitials.get(text);
  if (cached !== undefined) return cached;
  if (knownInitials.size > 200_000) knownInitials.clear();
  const keys = readInitialKeys(text);
  knownInitials.set(text, keys);
  return keys;
}

export interface InitialKeys {
  readonly abbreviated: string | null;
  readonly expanded: readonly string[];
}

const knownInitials = new Map<string, InitialKeys>();

function readInitialKeys(text: string): InitialKeys {
  const words = nameWords(text);
  if (words.length < 2 || words.length > 4) return { abbreviated: null, expanded: [] };
  const initials = words.filter(isInitial).length;
  if (initials > 0) return { abbreviated: initials < words.length ? [...words].sort().join(' ') : null, expanded: [] };
  if (words.some((w) => !/^\p{L}/u.test(w))) return { abbreviated: null, expanded: [] };
  const expanded = new Set<string>();
  const cut = (which: (k: number) => boolean) =>
    words
      .map((w, k) => (which(k) ? w[0]! : w))
      .sort()
      .join(' ');
  for (let k = 0; k < words.length; k += 1) expanded.add(cut((j) => j === k));
  if (words.length > 2) expanded.add(cut((j) => j < words.length - 1));
  return { abbreviated: null, expanded: [...expanded] };
}

/** An email as a key: trimmed, lower case; '' when it is not one. */
export function emailKey(text: string): string {
  const t = text.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(t) ? t : '';
}
