import { describe, expect, it } from 'vitest';
import { clampPanelWidth, draggedWidth, PANEL_MIN, panelEdgeKey, TABLE_MIN } from './detail-pane-model';

const key = (k: string, shiftKey = false) => ({ key: k, shiftKey, ctrlKey: false, metaKey: false, altKey: false });

describe('the detail panel width', () => {
  it('never squeezes the list under its key columns, nor the panel under its minimum', () => {
    expect(clampPanelWidth(400, 1032)).toBe(400);
    expect(clampPanelWidth(900, 1032)).toBe(1032 - TABLE_MIN);
    expect(clampPanelWidth(100, 1032)).toBe(PANEL_MIN);
    // A window too narrow for both: the panel keeps its minimum, the list scrolls sideways.
    expect(clampPanelWidth(500, 600)).toBe(PANEL_MIN);
  });

  it('moves the edge with the arrows (← widens the panel on the right), Shift by larger steps', () => {
    expect(panelEdgeKey(key('ArrowLeft'), 400, 1600)).toEqual({ kind: 'resize', to: 416 });
    expect(panelEdgeKey(key('ArrowRight'), 400, 1600)).toEqual({ kind: 'resize', to: 384 });
    expect(panelEdgeKey(key('ArrowRight', true), 400, 1600)).toEqual({ kind: 'resize', to: 336 });
    expect(panelEdgeKey(key('Home'), 600, 1600)).toEqual({ kind: 'resize', to: PANEL_MIN });
    expect(panelEdgeKey(key('End'), 400, 1600)).toEqual({ kind: 'resize', to: 1600 - TABLE_MIN });
    expect(panelEdgeKey(key('Enter'), 400, 1600)).toEqual({ kind: 'fold' });
    expect(panelEdgeKey({ ...key('ArrowLeft'), ctrlKey: true }, 400, 1600)).toBeNull();
    expect(panelEdgeKey(key('x'), 400, 1600)).toBeNull();
  });

  it('follows a drag of the edge', () => {
    expect(draggedWidth(400, 800, 700, 1600)).toBe(500);
    expect(draggedWidth(400, 800, 1000, 1600)).toBe(PANEL_MIN);
  });
});
