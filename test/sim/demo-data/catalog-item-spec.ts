/**
 * The demo training company's offer, one line per catalog item: e-learning courses sold per seat, company
 * sessions with named participants, extensions, role upgrades, certificates, training credits and books,
 * with the plugin's quantity price tiers, sets (variants), bundles (packs) and handler parameters.
 * catalogs.ts turns these lines into wire records. This module holds the shape of a line and the helpers
 * that write a handler's parameters the same way every time.
 */

export type TaxKind = 'standard' | 'reduced' | 'exempt';
export type ItemStatus = 'PREVIEW' | 'AVAILABLE' | 'AVAILABLEINTERNAL' | 'SUSPENDED';
export type HandlerName = 'std_enrolonecourse' | 'std_extendenrolperiod' | 'std_assignroleoncontext' | 'std_setuponecoursesession';

export interface RequiredField {
  field: string;
  label: string;
  type: 'textfield' | 'select' | 'checkbox';
  desc?: string;
}

export interface ItemSpec {
  code: string;
  name: string;
  /** Master catalog category id (catalogs.ts). */
  category: number;
  /** [fromquantity, unit price in cents] tiers, untaxed. */
  prices: readonly (readonly [number, number])[];
  tax: TaxKind;
  status?: ItemStatus;
  type?: 'set' | 'bundle';
  /** The code of the set or bundle this item belongs to. */
  partOf?: string;
  seatmode?: true;
  renewable?: true;
  handler?: HandlerName;
  params?: Readonly<Record<string, string | number>>;
  required?: readonly RequiredField[];
  stock?: number;
  maxdeliveryquant?: number;
}

export const PRODUCT_CODE: RequiredField = {
  field: 'productcode',
  label: 'Référence du produit à prolonger',
  type: 'textfield',
  desc: 'Au format WWWW-XXXX-YYYY-ZZCC, visible dans votre espace client',
};

/** The handler part of an item line. */
type HandlerPart = Required<Pick<ItemSpec, 'handler' | 'params'>> & Pick<ItemSpec, 'required' | 'renewable' | 'seatmode'>;

export function enrol(coursename: string, extra: Record<string, string | number> = {}): HandlerPart {
  return { handler: 'std_enrolonecourse', params: { coursename, role: 'student', enrol: 'manual', ...extra } };
}

/** An extension names the product it extends through a required field, as the plugin's handler reads it. */
export function extend(coursename: string, extension: number): HandlerPart {
  return {
    handler: 'std_extendenrolperiod',
    params: { coursename, enroltype: 'manual', extension },
    required: [PRODUCT_CODE],
    renewable: true,
  };
}

export function session(coursename: string, tutorrole?: string): HandlerPart {
  const params: Record<string, string> = tutorrole === undefined ? { coursename } : { coursename, tutorrole };
  return { handler: 'std_setuponecoursesession', params, seatmode: true };
}
