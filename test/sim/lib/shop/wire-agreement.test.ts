import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import * as backOffice from '../../../../main/shop-api/records';
import type { Description, Keys } from '../../external/description';
import * as structures from './structures';

/**
 * The records the simulator answers are shaped by its own structures (structures.ts, written from the plugin's
 * structures.php); the back-office reads them with its own zod schemas (main/shop-api/records.ts). Neither
 * imports the other: this is where they meet, field by field and type by type, so a field misnamed, missing
 * or mistyped on one side fails here instead of being made on both.
 */

/** What a field is on the wire: 'int', 'text', a list of something, or a record of fields. */
type Shape = 'int' | 'text' | 'bool' | Shape[] | { [key: string]: Shape };

function shapeOfDescription(description: Description): Shape {
  if (description.kind === 'multiple') return [shapeOfDescription(description.content)];
  if (description.kind === 'single') return shapeOfKeys(description.keys);
  if (description.type === 'int' || description.type === 'float') return 'int';
  if (description.type === 'bool') return 'bool';
  return 'text';
}

function shapeOfKeys(keys: Keys): Shape {
  return Object.fromEntries(Object.entries(keys).map(([key, description]) => [key, shapeOfDescription(description)]));
}

/** The same reading of a zod schema: defaults (an older plugin's missing lists) are the type they default. */
function shapeOfSchema(schema: z.ZodType): Shape {
  const def = schema.def as unknown as { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
  switch (def.type) {
    case 'default':
    case 'optional':
      return shapeOfSchema(def.innerType as z.ZodType);
    case 'number':
      return 'int';
    case 'string':
    case 'enum':
      return 'text';
    case 'boolean':
      return 'bool';
    case 'array':
      return [shapeOfSchema(def.element as z.ZodType)];
    case 'object':
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, field]) => [key, shapeOfSchema(field)]));
    default:
      throw new Error(`no wire shape for a zod ${def.type}`);
  }
}

const PAIRS: readonly (readonly [string, Keys, z.ZodType])[] = [
  ['shop', structures.shopKeys, backOffice.shopRecord],
  ['tax', structures.taxKeys, backOffice.taxRecord],
  ['catalog', structures.catalogKeys, backOffice.catalogRecord],
  ['category', structures.categoryKeys, backOffice.categoryRecord],
  ['catalog item', structures.catalogItemKeys, backOffice.catalogItemRecord],
  ['customer', structures.customerKeys, backOffice.customerRecord],
  ['bill', structures.billKeys, backOffice.billRecord],
  ['product', structures.productKeys, backOffice.productRecord],
  ['product event', structures.productEventKeys, backOffice.productEventRecord],
];

describe('wire records: the simulator and the back-office', () => {
  it.each(PAIRS)('a %s has the same fields of the same types on both sides', (_name, keys, schema) => {
    expect(shapeOfKeys(keys)).toEqual(shapeOfSchema(schema));
  });

  it('would notice a field the back-office reads and the simulator does not send', () => {
    const { version: _version, ...withoutVersion } = structures.catalogKeys;
    expect(shapeOfKeys(withoutVersion)).not.toEqual(shapeOfSchema(backOffice.catalogRecord));
  });

  it('name the same fields in their types', () => {
    expectTypeOf<keyof structures.ShopRecord>().toEqualTypeOf<keyof backOffice.ShopRecord>();
    expectTypeOf<keyof structures.TaxRecord>().toEqualTypeOf<keyof backOffice.TaxRecord>();
    expectTypeOf<keyof structures.CatalogRecord>().toEqualTypeOf<keyof backOffice.CatalogRecord>();
    expectTypeOf<keyof structures.CategoryRecord>().toEqualTypeOf<keyof backOffice.CategoryRecord>();
    expectTypeOf<keyof structures.CatalogItemRecord>().toEqualTypeOf<keyof backOffice.CatalogItemRecord>();
    expectTypeOf<keyof structures.CustomerRecord>().toEqualTypeOf<keyof backOffice.CustomerRecord>();
    expectTypeOf<keyof structures.BillRecord>().toEqualTypeOf<keyof backOffice.BillRecord>();
    expectTypeOf<keyof structures.BillItemRecord>().toEqualTypeOf<keyof backOffice.BillItemRecord>();
    expectTypeOf<keyof structures.ProductRecord>().toEqualTypeOf<keyof backOffice.ProductRecord>();
    expectTypeOf<keyof structures.ProductEventRecord>().toEqualTypeOf<keyof backOffice.ProductEventRecord>();
    // What the back-office would accept, the simulator can hold: its types are the wider (statuses are text).
    expectTypeOf<backOffice.BillRecord>().toExtend<structures.BillRecord>();
    expectTypeOf<backOffice.CatalogItemRecord>().toExtend<structures.CatalogItemRecord>();
  });
});
