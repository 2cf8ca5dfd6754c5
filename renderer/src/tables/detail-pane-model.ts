import type { DetailPanelLayout } from '../../../shared/contract/settings';
import { isShortcut } from '../shell/shortcut-registry';

/**
 * The width of the panel beside a list (a bill, a customer, a product) and whether it is folded away. Pure,
 * so the limits are tested without a browser; detail-pane.tsx draws it and saves it in the preferences.
 */
export const PANEL_DEFAULT: DetailPanelLayout = { width: 400, collapsed: false };
export const PANEL_MIN = 300;
/** What the list keeps beside the panel: its key columns (reference, status, customer, amount). */
export const TABLE_MIN = 420;
export const PANEL_STEP = 16;
export const PANEL_BIG_STEP = 64;

/** A width the panel can have in a workspace `available` pixels wide: never under PANEL_MIN, never squeezing the list. */
export function clampPanelWidth(width: number, available: number): number {
  const max = Math.max(PANEL_MIN, available - TABLE_MIN);
  return Math.round(Math.min(max, Math.max(PANEL_MIN, width)));
}

export type PanelEdgeAction = { kind: 'resize'; to: number } | { kind: 'fold' } | null;

/**
 * A key pressed on the panel's edge (the WAI-ARIA window splitter): ← and → move the edge, so ← widens the
 * panel on the right; Shift takes larger steps; Home and End go to the narrowest and the widest; Enter folds
 * the panel away or brings it back.
 */
export function panelEdgeKey(
  event: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  width: number,
  available: number,
): PanelEdgeAction {
  // Matched through the shortcut registry, which the shortcuts sheet lists (no Ctrl/Cmd: no platform split).
  if (isShortcut('panel.fold', event, false)) return { kind: 'fold' };
  if (!isShortcut('panel.resize', event, false)) return null;
  const step = event.shiftKey ? PANEL_BIG_STEP : PANEL_STEP;
  switch (event.key) {
    case 'ArrowLeft':
      return { kind: 'resize', to: clampPanelWidth(width + step, available) };
    case 'ArrowRight':
      return { kind: 'resize', to: clampPanelWidth(width - step, available) };
    case 'Home':
      return { kind: 'resize', to: clampPanelWidth(PANEL_MIN, available) };
    default:
      return { kind: 'resize', to: clampPanelWidth(Number.MAX_SAFE_INTEGER, available) };
  }
}

/** Dragging the edge: the panel grows as the pointer moves left from where the drag started. */
export function draggedWidth(startWidth: number, startX: number, x: number, available: number): number {
  return clampPanelWidth(startWidth + (startX - x), available);
}
