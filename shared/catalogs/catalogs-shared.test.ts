import { describe, expect, it } from 'vitest';
import { changePricesByPercent } from './price-change';
import { priceTierIssues } from './price-tiers';
import { requiredDataIssues } from './required-data';

describe('price tiers and required data', () => {
  it('refuse tiers the shop refuses, each on its tier', () => {
    expect(
      priceTierIssues([
        { fromquantity: 1, unitcents: 100 },
        { fromquantity: 5, unitcents: 90 },
      ]),
    ).toEqual([]);
    expect(
      priceTierIssues([
        { fromquantity: 1, unitcents: 100 },
        { fromquantity: 5, unitcents: 90 },
        { fromquantity: 5, unitcents: 80 },
      ]).map((i) => i.field),
    ).toEqual(['prices.2.fromquantity']);
    expect(priceTierIssues(Array.from({ length: 6 }, (_, i) => ({ fromquantity: i + 1, unitcents: 1 }))).map((i) => i.code)).toEqual([
      'tiersTooMany',
    ]);
  });

  it('accept only a JSON array of objects naming their field', () => {
    expect(requiredDataIssues('')).toEqual([]);
    expect(requiredDataIssues('[{"field":"foruser","label":"Qui"}]')).toEqual([]);
    expect(requiredDataIssues('[{"label":"x"}]').map((i) => i.params)).toEqual([{ index: 1 }]);
    expect(requiredDataIssues('[').map((i) => i.code)).toEqual(['requiredDataNotJson']);
  });

  it('change prices by a percentage to the nearest cent, halves away from zero', () => {
    expect(changePricesByPercent([{ fromquantity: 1, unitcents: 12345 }], 1000)).toEqual([{ fromquantity: 1, unitcents: 13580 }]); // 13579.5 → 13580
    expect(changePricesByPercent([{ fromquantity: 1, unitcents: 199 }], -5000)).toEqual([{ fromquantity: 1, unitcents: 100 }]); // 99.5 → 100
    expect(changePricesByPercent([{ fromquantity: 1, unitcents: 1000 }], -10000)).toEqual([{ fromquantity: 1, unitcents: 0 }]);
  });
});
