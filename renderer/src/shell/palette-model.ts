import Fuse from 'fuse.js';

/**
 * What the command palette (Ctrl/Cmd+K) offers and how it ranks it, without React: tested in node.
 *
 * Fuzzy matching is fuse.js, chosen over match-sorter and cmdk: it has no dependency at all (match-sorter
 * brings @babel/runtime and remove-accents, cmdk four Radix packages and its own dialog, where the app has
 * its own), it forgives a typo ("exprot"), and it ignores accents (`ignoreDiacritics`), which French labels
 * need ("echeance" finds "Échéance"). Bills and customers are not ranked here: the core finds them through
 * the contract's list commands, as the tables do.
 */
export type PaletteGroup = 'recent' | 'navigation' | 'actions' | 'bills' | 'customers';

export interface PaletteCommand {
  /** Stable across languages, so a recent command is found again after a switch of language. */
  id: string;
  group: 'navigation' | 'actions';
  title: string;
  /** Other words it answers to (the other language's name of a workspace, a key). */
  keywords?: string;
  /** The keys that do the same without the palette, shown beside it. */
  keys?: string;
  run(): void;
}

/** A command or a record the operator chose, remembered on this computer (a few, newest first). */
export type RecentEntry =
  | { kind: 'command'; id: string }
  | { kind: 'bill'; id: number; title: string; detail: string }
  | { kind: 'customer'; id: number; title: string; detail: string };

export const RECENT_MAX = 6;
export const RECENT_KEY = 'palette:recent';

const fuseOptions = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'keywords', weight: 1 },
  ],
  threshold: 0.4,
  ignoreLocation: true,
  ignoreDiacritics: true,
  includeScore: true,
};

/** The commands matching `query`, best first; all of them, in their order, for an empty query. */
export function rankCommands<C extends Pick<PaletteCommand, 'title' | 'keywords'>>(commands: readonly C[], query: string): C[] {
  const text = query.trim();
  if (text === '') return [...commands];
  // Each word must match somewhere: "exp xl" finds "Bills: export to XLSX…". Ranked by the summed scores.
  const words = text.split(/\s+/);
  const fuse = new Fuse(commands, fuseOptions);
  const scores = new Map<C, number>();
  words.forEach((word, index) => {
    const found = new Map(fuse.search(word).map((result) => [result.item, result.score ?? 1]));
    for (const command of index === 0 ? found.keys() : [...scores.keys()]) {
      const score = found.get(command);
      if (score === undefined) scores.delete(command);
      else scores.set(command, (scores.get(command) ?? 0) + score);
    }
  });
  return [...scores.entries()].sort((a, b) => a[1] - b[1]).map(([command]) => command);
}

/** The bill number typed, as operators write it: "4999", "#4999", "bill 4999", "facture 4999". */
export function billNumberOf(query: string): number | null {
  const match = /^(?:(?:bill|facture|fact\.?|n°|no\.?)\s*)?#?\s*([1-9]\d{0,15})$/i.exec(query.trim());
  return match ? Number(match[1]) : null;
}

function sameEntry(a: RecentEntry, b: RecentEntry): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** `entry` first, without its older copy, at most RECENT_MAX. */
export function pushRecent(list: readonly RecentEntry[], entry: RecentEntry): RecentEntry[] {
  return [entry, ...list.filter((other) => !sameEntry(other, entry))].slice(0, RECENT_MAX);
}

type RecentStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The saved list, each entry checked: a damaged or older format is dropped, never shown half. */
export function loadRecent(storage: RecentStorage | null): RecentEntry[] {
  let saved: unknown;
  try {
    saved = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(saved)) return [];
  const valid = (value: unknown): value is RecentEntry => {
    if (typeof value !== 'object' || value === null) return false;
    const entry = value as Record<string, unknown>;
    if (entry['kind'] === 'command') return typeof entry['id'] === 'string';
    return (
      (entry['kind'] === 'bill' || entry['kind'] === 'customer') &&
      typeof entry['id'] === 'number' &&
      Number.isInteger(entry['id']) &&
      typeof entry['title'] === 'string' &&
      typeof entry['detail'] === 'string'
    );
  };
  return saved.filter(valid).slice(0, RECENT_MAX);
}

/** Best effort: a full or disabled storage only means the list is not remembered. */
export function saveRecent(storage: RecentStorage | null, list: readonly RecentEntry[]): void {
  try {
    storage?.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // The palette works the same without it.
  }
}
