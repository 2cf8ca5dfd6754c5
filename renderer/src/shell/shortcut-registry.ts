import type { MessageKey } from '../i18n/en';

/**
 * Every keyboard shortcut of the app, in one list: the handlers match key presses against it and the
 * shortcuts sheet (?) lists it, so the two cannot drift apart. Pure data and functions, tested without a
 * browser. `mod` is Cmd on macOS and Ctrl elsewhere.
 */
export interface KeyCombo {
  /** KeyboardEvent.key (letters compared without case), or KeyboardEvent.code when `byCode`. */
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** Shift may or may not be held: "?" needs it on a QWERTY keyboard, and on AZERTY too, on another key. */
  anyShift?: boolean;
  /** Matched on the physical key: the digit row types & é " ' ( on AZERTY without Shift. */
  byCode?: boolean;
}

export type ShortcutGroup = 'general' | 'table' | 'detail' | 'editor' | 'sync' | 'audit';

export interface ShortcutEntry {
  id: ShortcutId;
  group: ShortcutGroup;
  label: MessageKey;
  combos: readonly KeyCombo[];
  /** Shown as one range ("Ctrl+1…8") instead of every combo. */
  shownAs?: readonly KeyCombo[];
  /** Also while typing in a text field (otherwise a plain key types its character there). */
  inTextFields?: boolean;
}

export type ShortcutId =
  | 'palette'
  | 'sheet'
  | 'workspace'
  | 'search'
  | 'grid.move'
  | 'grid.page'
  | 'grid.ends'
  | 'grid.extend'
  | 'grid.moveKeep'
  | 'grid.toggle'
  | 'grid.selectAll'
  | 'grid.open'
  | 'grid.clear'
  | 'search.toTable'
  | 'detail.close'
  | 'panel.resize'
  | 'panel.fold'
  | 'editor.save'
  | 'sync.now'
  | 'sync.cancel'
  | 'audit.run';

const arrows = (extra: Omit<KeyCombo, 'key'> = {}): KeyCombo[] => [
  { key: 'ArrowUp', ...extra },
  { key: 'ArrowDown', ...extra },
];
const digits: KeyCombo[] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ key: `Digit${n}`, mod: true, byCode: true }));
const numpad: KeyCombo[] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ key: `Numpad${n}`, mod: true, byCode: true }));

export const SHORTCUTS: readonly ShortcutEntry[] = [
  { id: 'palette', group: 'general', label: 'keys.palette', combos: [{ key: 'k', mod: true }], inTextFields: true },
  { id: 'sheet', group: 'general', label: 'keys.sheet', combos: [{ key: '?', anyShift: true }] },
  {
    id: 'workspace',
    group: 'general',
    label: 'keys.workspace',
    combos: [...digits, ...numpad],
    shownAs: [{ key: 'Digit1…9', mod: true, byCode: true }],
    inTextFields: true,
  },
  {
    id: 'search',
    group: 'table',
    label: 'keys.search',
    combos: [
      { key: 'f', mod: true },
      { key: '/', anyShift: true },
    ],
  },
  { id: 'search.toTable', group: 'table', label: 'keys.searchToTable', combos: [{ key: 'ArrowDown' }], inTextFields: true },
  { id: 'grid.move', group: 'table', label: 'keys.gridMove', combos: arrows() },
  {
    id: 'grid.page',
    group: 'table',
    label: 'keys.gridPage',
    combos: [{ key: 'PageUp' }, { key: 'PageDown' }],
  },
  { id: 'grid.ends', group: 'table', label: 'keys.gridEnds', combos: [{ key: 'Home' }, { key: 'End' }] },
  {
    id: 'grid.extend',
    group: 'table',
    label: 'keys.gridExtend',
    combos: [...arrows({ shift: true }), ...['PageUp', 'PageDown', 'Home', 'End'].map((key) => ({ key, shift: true }))],
    shownAs: arrows({ shift: true }),
  },
  {
    id: 'grid.moveKeep',
    group: 'table',
    label: 'keys.gridMoveKeep',
    combos: [...arrows({ mod: true }), ...['PageUp', 'PageDown', 'Home', 'End'].map((key) => ({ key, mod: true }))],
    shownAs: arrows({ mod: true }),
  },
  { id: 'grid.toggle', group: 'table', label: 'keys.gridToggle', combos: [{ key: ' ' }] },
  { id: 'grid.selectAll', group: 'table', label: 'keys.gridSelectAll', combos: [{ key: 'a', mod: true }] },
  { id: 'grid.open', group: 'table', label: 'keys.gridOpen', combos: [{ key: 'Enter' }] },
  { id: 'grid.clear', group: 'table', label: 'keys.gridClear', combos: [{ key: 'Escape' }] },
  { id: 'detail.close', group: 'detail', label: 'keys.detailClose', combos: [{ key: 'Escape' }], inTextFields: true },
  {
    id: 'panel.resize',
    group: 'detail',
    label: 'keys.panelResize',
    combos: [
      { key: 'ArrowLeft' },
      { key: 'ArrowRight' },
      { key: 'ArrowLeft', shift: true },
      { key: 'ArrowRight', shift: true },
      { key: 'Home' },
      { key: 'End' },
    ],
    shownAs: [{ key: 'ArrowLeft' }, { key: 'ArrowRight' }, { key: 'Home' }, { key: 'End' }],
  },
  { id: 'panel.fold', group: 'detail', label: 'keys.panelFold', combos: [{ key: 'Enter' }] },
  { id: 'editor.save', group: 'editor', label: 'keys.editorSave', combos: [{ key: 's', mod: true }], inTextFields: true },
  { id: 'sync.now', group: 'sync', label: 'keys.syncNow', combos: [{ key: 'F5' }, { key: 'r', mod: true }], inTextFields: true },
  { id: 'sync.cancel', group: 'sync', label: 'keys.syncCancel', combos: [{ key: 'Escape' }] },
  // The keys people press to "refresh", as in the Sync workspace: in the audit view they audit again.
  { id: 'audit.run', group: 'audit', label: 'keys.auditRun', combos: [{ key: 'F5' }, { key: 'r', mod: true }], inTextFields: true },
];

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['general', 'table', 'detail', 'editor', 'sync', 'audit'];

const byId = new Map(SHORTCUTS.map((entry) => [entry.id, entry]));

export function shortcut(id: ShortcutId): ShortcutEntry {
  const entry = byId.get(id);
  if (!entry) throw new Error(`No shortcut ${id}`);
  return entry;
}

export interface ShortcutKeyEvent {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function comboMatches(combo: KeyCombo, event: ShortcutKeyEvent, mac: boolean): boolean {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const other = mac ? event.ctrlKey : event.metaKey;
  if (other || mod !== (combo.mod ?? false) || event.altKey !== (combo.alt ?? false)) return false;
  if (!combo.anyShift && event.shiftKey !== (combo.shift ?? false)) return false;
  if (combo.byCode) return event.code === combo.key;
  return combo.key.length === 1 ? event.key.toLowerCase() === combo.key.toLowerCase() : event.key === combo.key;
}

/** Whether a key press is the shortcut `id` (any of its combos). */
export function isShortcut(id: ShortcutId, event: ShortcutKeyEvent, mac: boolean): boolean {
  return shortcut(id).combos.some((combo) => comboMatches(combo, event, mac));
}

/** The combo matched, so a handler can read which arrow or digit it was. */
export function matchedCombo(id: ShortcutId, event: ShortcutKeyEvent, mac: boolean): KeyCombo | null {
  return shortcut(id).combos.find((combo) => comboMatches(combo, event, mac)) ?? null;
}

/** Keys named in words, in the operator's language (Space, Enter, Esc/Échap); the others as typed. */
export type KeyWords = Readonly<Record<'space' | 'enter' | 'escape', string>>;

const SYMBOLS: Readonly<Record<string, string>> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  PageUp: 'PgUp',
  PageDown: 'PgDn',
};

/** The keys of one combo, each as a key cap: ["Ctrl", "K"], or ["⌘", "K"] on macOS. */
export function comboKeys(combo: KeyCombo, mac: boolean, words: KeyWords): string[] {
  const keys: string[] = [];
  if (combo.mod) keys.push(mac ? '⌘' : 'Ctrl');
  if (combo.alt) keys.push(mac ? '⌥' : 'Alt');
  if (combo.shift) keys.push(mac ? '⇧' : 'Shift');
  const name = combo.byCode ? combo.key.replace(/^(Digit|Numpad)/, '') : combo.key;
  if (name === ' ') keys.push(words.space);
  else if (name === 'Enter') keys.push(words.enter);
  else if (name === 'Escape') keys.push(words.escape);
  else keys.push(SYMBOLS[name] ?? (name.length === 1 ? name.toUpperCase() : name));
  return keys;
}

/** What the sheet shows for an entry: each combo as its key caps. */
export function entryCombos(entry: ShortcutEntry, mac: boolean, words: KeyWords): string[][] {
  return (entry.shownAs ?? entry.combos).map((combo) => comboKeys(combo, mac, words));
}

/** The aria-keyshortcuts value of an entry ("Control+K", "Meta+K"). */
export function ariaKeys(id: ShortcutId, mac: boolean): string {
  return shortcut(id)
    .combos.map((combo) => {
      const parts: string[] = [];
      if (combo.mod) parts.push(mac ? 'Meta' : 'Control');
      if (combo.alt) parts.push('Alt');
      if (combo.shift) parts.push('Shift');
      const name = combo.byCode ? combo.key.replace(/^(Digit|Numpad)/, '') : combo.key;
      parts.push(name === ' ' ? 'Space' : name.length === 1 ? name.toUpperCase() : name);
      return parts.join('+');
    })
    .join(' ');
}

/** Whether the key press happens in a field that takes typed text (a plain "?" or "/" is a character there). */
export function inTextField(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
}
