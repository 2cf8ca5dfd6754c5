import type { CategoryView } from '../../../../shared/contract/catalogs';

/** A category in display order, with its depth; `parentid` 0 is the root. */
export interface TreeRow {
  category: CategoryView;
  depth: number;
}

export function siblingsOf(categories: readonly CategoryView[], parentid: number): CategoryView[] {
  return categories.filter((c) => c.parentid === parentid).sort((a, b) => a.sortorder - b.sortorder || a.id - b.id);
}

/** Depth-first, siblings by sort order. A category whose parent is missing shows at the root. */
export function flattenTree(categories: readonly CategoryView[]): TreeRow[] {
  const ids = new Set(categories.map((c) => c.id));
  const rows: TreeRow[] = [];
  const seen = new Set<number>();
  const walk = (parentid: number, depth: number) => {
    for (const category of categories
      .filter((c) => (parentid === 0 ? c.parentid === 0 || !ids.has(c.parentid) : c.parentid === parentid))
      .sort((a, b) => a.sortorder - b.sortorder || a.id - b.id)) {
      if (seen.has(category.id)) continue;
      seen.add(category.id);
      rows.push({ category, depth });
      walk(category.id, depth + 1);
    }
  };
  walk(0, 0);
  return rows;
}

export interface Move {
  id: number;
  parentid: number;
  beforeId: number | null;
}

/**
 * What a keyboard move asks for, as moveCategory's input: up/down among siblings, right to become the last
 * child of the previous sibling, left to follow its parent. Null when there is nowhere to go.
 */
export function keyboardMove(categories: readonly CategoryView[], id: number, direction: 'up' | 'down' | 'in' | 'out'): Move | null {
  const category = categories.find((c) => c.id === id);
  if (!category) return null;
  const siblings = siblingsOf(categories, category.parentid);
  const at = siblings.findIndex((c) => c.id === id);
  switch (direction) {
    case 'up':
      return at > 0 ? { id, parentid: category.parentid, beforeId: siblings[at - 1]!.id } : null;
    case 'down':
      return at < siblings.length - 1 ? { id, parentid: category.parentid, beforeId: siblings[at + 2]?.id ?? null } : null;
    case 'in':
      return at > 0 ? { id, parentid: siblings[at - 1]!.id, beforeId: null } : null;
    case 'out': {
      if (category.parentid === 0) return null;
      const parent = categories.find((c) => c.id === category.parentid);
      if (!parent) return null;
      const parentSiblings = siblingsOf(categories, parent.parentid);
      const parentAt = parentSiblings.findIndex((c) => c.id === parent.id);
      return { id, parentid: parent.parentid, beforeId: parentSiblings[parentAt + 1]?.id ?? null };
    }
    default: {
      const never: never = direction;
      throw new Error(`unknown direction ${String(never)}`);
    }
  }
}

/** A drop on a row: on its upper half, before it; on its lower half, inside it as the last child. */
export function dropMove(categories: readonly CategoryView[], dragged: number, target: number, lowerHalf: boolean): Move | null {
  if (dragged === target) return null;
  const over = categories.find((c) => c.id === target);
  if (!over) return null;
  // Dropping a category into its own subtree would make a cycle.
  for (let cursor: CategoryView | undefined = over; cursor; cursor = categories.find((c) => c.id === cursor!.parentid))
    if (cursor.id === dragged) return null;
  return lowerHalf ? { id: dragged, parentid: target, beforeId: null } : { id: dragged, parentid: over.parentid, beforeId: target };
}
