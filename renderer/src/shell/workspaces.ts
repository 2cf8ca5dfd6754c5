import type { MessageKey } from '../i18n/en';
import { matchedCombo } from './shortcut-registry';

/**
 * The workspaces in navigation order; Ctrl/Cmd+1..9 follow this order. The dashboard comes first: it is what a
 * manager opens the app for, and every figure on it leads to the bills behind it.
 */
export const workspaceIds = [
  'dashboard',
  'bills',
  'customers',
  'catalogs',
  'lettering',
  'followup',
  'production',
  'sync',
  'settings',
] as const;
export type WorkspaceId = (typeof workspaceIds)[number];

export const DEFAULT_WORKSPACE: WorkspaceId = 'dashboard';

export function isWorkspaceId(value: string): value is WorkspaceId {
  return (workspaceIds as readonly string[]).includes(value);
}

export function labelKey(id: WorkspaceId): MessageKey {
  return `workspace.${id}`;
}

/** The URL hash of a workspace, such as #/settings, so a reload reopens it. */
export function hashOf(id: WorkspaceId): string {
  return `#/${id}`;
}

/**
 * The workspaces' former ids, still read so a link or a window saved before the rename opens the right one;
 * the shell rewrites such a hash to the current id.
 */
const FORMER_IDS: Readonly<Record<string, WorkspaceId>> = { handlers: 'production' };

/** Reads #/settings (or #/settings/anything-later); an empty or unknown hash opens the default workspace. */
export function parseHash(hash: string): WorkspaceId {
  const first = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  if (isWorkspaceId(first)) return first;
  return FORMER_IDS[first] ?? DEFAULT_WORKSPACE;
}

/** The same hash under the workspace's current id (#/handlers/42 → #/production/42), or null when it is current. */
export function currentHash(hash: string): string | null {
  const [first = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const current = FORMER_IDS[first];
  return current ? ['#', current, ...rest].join('/') : null;
}

export interface ShortcutKeyEvent {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * The workspace a key press asks for, or null. Reads `code`, not `key`: on a French AZERTY keyboard the
 * digit row types & é " ' ( - è without Shift, so `key` would never be '1'. Cmd on macOS, Ctrl elsewhere.
 */
export function workspaceForShortcut(event: ShortcutKeyEvent, mac: boolean): WorkspaceId | null {
  // Spelled out: a DOM event's fields are getters, which a spread would not copy.
  const { code, ctrlKey, metaKey, altKey, shiftKey } = event;
  const combo = matchedCombo('workspace', { key: '', code, ctrlKey, metaKey, altKey, shiftKey }, mac);
  if (!combo) return null;
  return workspaceIds[Number(combo.key.slice(-1)) - 1] ?? null;
}

/** aria-keyshortcuts value and the visible hint for the workspace at `index` (0-based). */
export function shortcutOf(index: number, mac: boolean): { aria: string; hint: string } {
  const digit = index + 1;
  return mac ? { aria: `Meta+${digit}`, hint: `⌘${digit}` } : { aria: `Control+${digit}`, hint: `Ctrl+${digit}` };
}

/**
 * The record a workspace shows beside its list, from #/bills/123: a positive integer id, or null. Links to
 * a bill or a customer are plain hrefs built with detailHash, so they open in place and the back button
 * closes them.
 */
export function parseDetailId(hash: string): number | null {
  const second = hash.replace(/^#\/?/, '').split('/')[1] ?? '';
  return /^[1-9]\d{0,15}$/.test(second) ? Number(second) : null;
}

export function detailHash(id: WorkspaceId, recordId: number): string {
  return `#/${id}/${recordId}`;
}
