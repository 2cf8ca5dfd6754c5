import { describe, expect, it } from 'vitest';
import { fitColumnWidths } from './column-fit';

const columns = [
  { id: 'id', size: 100 },
  { id: 'title', size: 300, minSize: 100 },
  { id: 'items', size: 200, minSize: 100 },
];

describe('columns fitted to the table', () => {
  it('leaves them as designed when they fit', () => {
    expect(fitColumnWidths(columns, {}, 600)).toEqual({});
    expect(fitColumnWidths(columns, {}, 900)).toEqual({});
  });

  it('takes the missing room from what each column can spare, never below its minimum', () => {
    // 100 px missing; title can spare 200, items 100: two thirds from title, one third from items.
    const fitted = fitColumnWidths(columns, {}, 500);
    expect(fitted).toEqual({ title: 233, items: 166 });
    expect(100 + fitted['title']! + fitted['items']!).toBeLessThanOrEqual(500);
    // Far too narrow: every column at its minimum, and the table scrolls.
    expect(fitColumnWidths(columns, {}, 100)).toEqual({ title: 100, items: 100 });
  });

  it('keeps the widths the operator chose', () => {
    expect(fitColumnWidths(columns, { title: 320 }, 520)).toEqual({ items: 100 });
    expect(fitColumnWidths(columns, { title: 300, items: 200 }, 300)).toEqual({});
  });
});
