import { describe, expect, it } from 'vitest';
import type { CategoryView } from '../../../../shared/contract/catalogs';
import { dropMove, flattenTree, keyboardMove } from './category-tree-model';

const cat = (id: number, parentid: number, sortorder: number): CategoryView => ({
  id,
  catalogid: 1,
  parentid,
  name: `C${id}`,
  description: '',
  sortorder,
  visible: 1,
  seoalias: '',
  inherited: false,
  localState: null,
  localOnly: false,
});
// 1 (2, 3), 4, 5
const tree = [cat(1, 0, 1), cat(2, 1, 2), cat(3, 1, 3), cat(4, 0, 4), cat(5, 0, 5)];

describe('category tree', () => {
  it('flattens depth first by sort order', () => {
    expect(flattenTree(tree).map((r) => [r.category.id, r.depth])).toEqual([
      [1, 0],
      [2, 1],
      [3, 1],
      [4, 0],
      [5, 0],
    ]);
  });

  it('turns arrow keys into moves among siblings, in and out', () => {
    expect(keyboardMove(tree, 4, 'up')).toEqual({ id: 4, parentid: 0, beforeId: 1 });
    expect(keyboardMove(tree, 1, 'up')).toBeNull();
    expect(keyboardMove(tree, 1, 'down')).toEqual({ id: 1, parentid: 0, beforeId: 5 });
    expect(keyboardMove(tree, 4, 'down')).toEqual({ id: 4, parentid: 0, beforeId: null });
    expect(keyboardMove(tree, 4, 'in')).toEqual({ id: 4, parentid: 1, beforeId: null });
    expect(keyboardMove(tree, 3, 'out')).toEqual({ id: 3, parentid: 0, beforeId: 4 });
    expect(keyboardMove(tree, 5, 'out')).toBeNull();
  });

  it('turns a drop into a move before or into the target, never into its own subtree', () => {
    expect(dropMove(tree, 5, 2, false)).toEqual({ id: 5, parentid: 1, beforeId: 2 });
    expect(dropMove(tree, 5, 4, true)).toEqual({ id: 5, parentid: 4, beforeId: null });
    expect(dropMove(tree, 1, 3, true)).toBeNull();
  });
});
