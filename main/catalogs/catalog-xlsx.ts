import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { coded, refusal } from '../../shared/errors/error-text';
import { ITEM_STATUSES, ITEM_TYPES, type ImportPreview, type ItemDraftInput } from '../../shared/contract/catalogs';
import type { Db, ReadableDb } from '../db/open';
import { checkFileTarget } from '../exports/export-target';
import { amountOf, currencyFormat, safeText } from '../exports/spreadsheet-cells';
import { catalogsSeenBy, findCatalog } from './catalog-read';
import { categoryRows, itemRows, nextLocalId, type CategoryRow, type ItemRow } from './catalog-rows';
import { checkItem, itemPayload, normalizeItem, refuse } from './catalog-edits';
import { queueEdit } from './edit-queue';

/**
 * A catalog's own items and categories as a workbook, and back. Items are matched by code (unique in a
 * catalog), categories by id; a row whose values equal the catalog's is no change, so exporting and
 * importing an untouched file queues nothing. Prices are amounts in the shop's currency in the sheet and
 * integer cents everywhere else; a price with more than two decimals is refused, never rounded silently.
 */

const ITEMS = 'Items';
const CATEGORIES = 'Categories';
const TIERS = 5;

const ITEM_COLUMNS = [
  'code',
  'shortname',
  'name',
  'idnumber',
  'categoryid',
  'type',
  'setcode',
  'status',
  'taxcode',
  'stock',
  'maxdeliveryquant',
  'onlyforloggedin',
  'seatmode',
  'renewable',
  ...Array.from({ length: TIERS }, (_, i) => [`from${i + 1}`, `price${i + 1}`]).flat(),
  'requireddata',
  'enablehandler',
  'handlerparams',
  'description',
  'notes',
  'eula',
] as const;
const CATEGORY_COLUMNS = ['id', 'parentid', 'name', 'sortorder', 'visible', 'seoalias', 'description'] as const;

const TEXT_FIELDS = new Set([
  'code',
  'shortname',
  'name',
  'idnumber',
  'requireddata',
  'enablehandler',
  'handlerparams',
  'description',
  'notes',
  'eula',
  'seoalias',
  'setcode',
  'type',
  'status',
]);

function currencyOf(db: ReadableDb): string {
  return db.prepare<[], string>('SELECT currency FROM shop ORDER BY id LIMIT 1').pluck().get() ?? 'EUR';
}

function ownRows(db: ReadableDb, catalogId: number): { items: ItemRow[]; categories: CategoryRow[]; all: ItemRow[] } {
  const catalog = findCatalog(db, catalogId);
  const all = itemRows(db, catalogsSeenBy(catalog));
  return {
    all,
    items: all.filter((i) => i.catalogid === catalogId).sort((a, b) => a.code.localeCompare(b.code)),
    categories: categoryRows(db, [catalogId]).sort((a, b) => a.sortorder - b.sortorder || a.id - b.id),
  };
}

export async function exportCatalogXlsx(
  db: ReadableDb,
  catalogId: number,
  target: string,
): Promise<{ path: string; items: number; categories: number }> {
  const file = checkFileTarget(target, '.xlsx');
  const { items, categories, all } = ownRows(db, catalogId);
  const codeOf = new Map(all.map((i) => [i.id, i.code]));
  const book = new ExcelJS.Workbook();
  const money = currencyFormat(currencyOf(db), 'en');
  const sheet = book.addWorksheet(ITEMS, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...ITEM_COLUMNS]).font = { bold: true };
  for (const item of items) {
    const values: Record<string, unknown> = { ...item, setcode: item.setid ? (codeOf.get(item.setid) ?? '') : '' };
    item.prices.forEach((tier, i) => {
      values[`from${i + 1}`] = tier.fromquantity;
      values[`price${i + 1}`] = amountOf(tier.unitcents);
    });
    const row = sheet.addRow(ITEM_COLUMNS.map((column) => cell(column, values[column])));
    for (let i = 0; i < TIERS; i += 1) row.getCell(ITEM_COLUMNS.indexOf(`price${i + 1}` as never) + 1).numFmt = money;
  }
  const categorySheet = book.addWorksheet(CATEGORIES, { views: [{ state: 'frozen', ySplit: 1 }] });
  categorySheet.addRow([...CATEGORY_COLUMNS]).font = { bold: true };
  for (const category of categories) categorySheet.addRow(CATEGORY_COLUMNS.map((column) => cell(column, category[column])));
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await book.xlsx.writeFile(temp);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { path: file, items: items.length, categories: categories.length };
}

function cell(column: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (TEXT_FIELDS.has(column) || typeof value === 'string') return safeText(String(value));
  return value;
}

/** The text of a cell as written by safeText: its neutralising apostrophe removed. */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  const text = String(value);
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function intOf(value: ExcelJS.CellValue, row: number, field: string, issues: ImportPreview['issues']): number {
  const text = textOf(value).trim();
  if (text === '') return 0;
  const n = Number(text);
  if (!Number.isSafeInteger(n))
    issues.push({ row, field, code: 'notInteger', message: `Row ${row}: ${field} must be a whole number, not ${text}.` });
  return Number.isSafeInteger(n) ? n : 0;
}

function centsOf(value: ExcelJS.CellValue, row: number, field: string, issues: ImportPreview['issues']): number | null {
  if (value === null || value === undefined || textOf(value).trim() === '') return null;
  const n = typeof value === 'number' ? value : Number(textOf(value).replace(',', '.'));
  const cents = Math.round(n * 100);
  if (!Number.isFinite(n) || Math.abs(n * 100 - cents) > 1e-6) {
    issues.push({ row, field, code: 'notInteger', message: `Row ${row}: ${field} must be an amount with at most two decimals.` });
    return null;
  }
  return cents;
}

async function readSheets(source: string) {
  if (!path.isAbsolute(source) || !fs.existsSync(source))
    throw refusal('catalog_import_invalid', 'catalogImport.noFile', { file: source }, { issues: [] });
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(source);
  } catch {
    throw refusal('catalog_import_invalid', 'catalogImport.notXlsx', { file: path.basename(source) }, { issues: [] });
  }
  const items = book.getWorksheet(ITEMS);
  if (!items) throw refusal('catalog_import_invalid', 'catalogImport.noSheet', { sheet: ITEMS }, { issues: [] });
  const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => textOf(v).trim());
  const table = (sheet: ExcelJS.Worksheet) => {
    const columns = header(sheet);
    const rows: { row: number; get(column: string): ExcelJS.CellValue }[] = [];
    sheet.eachRow((r, number) => {
      if (number === 1) return;
      rows.push({ row: number, get: (column) => r.getCell(columns.indexOf(column) + 1).value });
    });
    return { columns, rows };
  };
  const categories = book.getWorksheet(CATEGORIES);
  return { items: table(items), categories: categories ? table(categories) : null };
}

interface Planned {
  preview: ImportPreview;
  items: { draft: ItemDraftInput; current: ItemRow | null }[];
  categories: { next: CategoryRow; current: CategoryRow }[];
}

const COMPARED = [
  'shortname',
  'name',
  'idnumber',
  'categoryid',
  'type',
  'setid',
  'status',
  'taxcode',
  'stock',
  'maxdeliveryquant',
  'onlyforloggedin',
  'seatmode',
  'renewable',
  'prices',
  'requireddata',
  'enablehandler',
  'handlerparams',
  'description',
  'notes',
  'eula',
] as const;

async function plan(db: Db, catalogId: number, source: string): Promise<Planned> {
  const sheets = await readSheets(source);
  const { items, categories, all } = ownRows(db, catalogId);
  const issues: ImportPreview['issues'] = [];
  const missing = ITEM_COLUMNS.filter((c) => !sheets.items.columns.includes(c) && !/^(from|price)[2-5]$/.test(c));
  if (missing.length > 0)
    throw refusal('catalog_import_invalid', 'catalogImport.missingColumns', { sheet: ITEMS, columns: missing.join(', ') }, { issues: [] });
  const byCode = new Map(items.map((i) => [i.code, i]));
  const idOfCode = new Map(items.map((i) => [i.code, i.id]));
  const planned: Planned['items'] = [];
  const changes: ImportPreview['changes'] = [];
  let unchanged = 0;
  const seen = new Set<string>();
  for (const { row, get } of sheets.items.rows) {
    const code = textOf(get('code')).trim();
    if (code === '') continue;
    if (seen.has(code))
      issues.push({ row, field: 'code', code: 'codeTaken', message: `Row ${row}: the code ${code} appears twice in the file.` });
    seen.add(code);
    const current = byCode.get(code) ?? null;
    const issuesBefore = issues.length;
    const prices: ItemDraftInput['prices'] = [];
    for (let i = 1; i <= TIERS; i += 1) {
      const cents = centsOf(get(`price${i}`), row, `price${i}`, issues);
      if (cents === null) continue;
      prices.push({ fromquantity: intOf(get(`from${i}`), row, `from${i}`, issues), unitcents: cents });
    }
    const type = textOf(get('type')).trim() || 'plain';
    const status = textOf(get('status')).trim() || 'PREVIEW';
    if (!(ITEM_TYPES as readonly string[]).includes(type))
      issues.push({ row, field: 'type', code: 'required', message: `Row ${row}: type must be one of ${ITEM_TYPES.join(', ')}.` });
    if (!(ITEM_STATUSES as readonly string[]).includes(status))
      issues.push({ row, field: 'status', code: 'required', message: `Row ${row}: status must be one of ${ITEM_STATUSES.join(', ')}.` });
    const setcode = textOf(get('setcode')).trim();
    const flag = (field: string) => (intOf(get(field), row, field, issues) ? 1 : 0) as 0 | 1;
    const draft: ItemDraftInput = {
      id: current?.id ?? 0,
      catalogid: catalogId,
      categoryid: intOf(get('categoryid'), row, 'categoryid', issues),
      code,
      shortname: textOf(get('shortname')),
      name: textOf(get('name')),
      idnumber: textOf(get('idnumber')),
      description: textOf(get('description')),
      notes: textOf(get('notes')),
      eula: textOf(get('eula')),
      prices,
      taxcode: intOf(get('taxcode'), row, 'taxcode', issues),
      stock: intOf(get('stock'), row, 'stock', issues),
      status: status as ItemDraftInput['status'],
      maxdeliveryquant: intOf(get('maxdeliveryquant'), row, 'maxdeliveryquant', issues),
      onlyforloggedin: flag('onlyforloggedin'),
      seatmode: flag('seatmode'),
      renewable: flag('renewable'),
      type: type as ItemDraftInput['type'],
      setid: setcode === '' ? 0 : (idOfCode.get(setcode) ?? 0),
      requireddata: textOf(get('requireddata')),
      enablehandler: textOf(get('enablehandler')),
      handlerparams: textOf(get('handlerparams')),
    };
    if (setcode !== '' && !idOfCode.has(setcode))
      issues.push({ row, field: 'setcode', code: 'setInvalid', message: `Row ${row}: no item of this catalog has the code ${setcode}.` });
    // Compared as written in the file: sanitizing first could rewrite HTML the shop cleaned its own way.
    const fields = COMPARED.filter((field) => !current || JSON.stringify(current[field]) !== JSON.stringify(draft[field])).map((field) => ({
      field,
      before: current ? current[field] : null,
      after: draft[field],
    }));
    if (current && fields.length === 0) {
      unchanged += 1;
      continue;
    }
    const normalized = normalizeItem(draft, current);
    // A cell that could not be read is reported already; checking the half-read item would repeat it.
    if (issues.length === issuesBefore)
      for (const found of checkItem(db, normalized, all))
        issues.push({ row, field: found.field, code: found.code, message: `Row ${row}: ${found.message}` });
    planned.push({ draft: normalized, current });
    changes.push({ code, action: current ? 'update' : 'create', fields });
  }
  const plannedCategories: Planned['categories'] = [];
  if (sheets.categories) {
    const byId = new Map(categories.map((c) => [c.id, c]));
    for (const { row, get } of sheets.categories.rows) {
      const id = intOf(get('id'), row, 'id', issues);
      const current = byId.get(id);
      if (!current) {
        if (id !== 0)
          issues.push({
            row,
            field: 'id',
            code: 'required',
            message: `Row ${row}: category ${id} is not a category of this catalog (new categories are added in the app).`,
          });
        continue;
      }
      const next: CategoryRow = {
        ...current,
        parentid: intOf(get('parentid'), row, 'parentid', issues),
        name: textOf(get('name')),
        sortorder: intOf(get('sortorder'), row, 'sortorder', issues),
        visible: intOf(get('visible'), row, 'visible', issues) ? 1 : 0,
        seoalias: textOf(get('seoalias')),
        description: textOf(get('description')),
      };
      const fields = (['parentid', 'name', 'sortorder', 'visible', 'seoalias', 'description'] as const)
        .filter((f) => current[f] !== next[f])
        .map((f) => ({ field: f, before: current[f], after: next[f] }));
      if (fields.length === 0) {
        unchanged += 1;
        continue;
      }
      plannedCategories.push({ next, current });
      changes.push({ code: `category:${id}`, action: 'update', fields });
    }
  }
  return { preview: { changes, issues, unchanged }, items: planned, categories: plannedCategories };
}

/** Reads the file; with `apply`, queues every change in one transaction (none if any row has an issue). */
export async function importCatalogXlsx(db: Db, catalogId: number, source: string, apply: boolean): Promise<ImportPreview> {
  const planned = await plan(db, catalogId, source);
  if (!apply || planned.preview.changes.length === 0) return planned.preview;
  if (planned.preview.issues.length > 0) {
    // The window lists every issue with the preview; here it names the first by its row and column.
    const first = planned.preview.issues[0]!;
    throw refusal(
      'catalog_import_invalid',
      'catalogImport.rowsInvalid',
      {
        count: planned.preview.issues.length,
        first: coded('catalogImportRow', [{ code: first.code, message: first.message, params: { row: first.row, field: first.field } }]),
      },
      { issues: planned.preview.issues },
    );
  }
  db.transaction(() => {
    for (const { draft, current } of planned.items) {
      const id = current ? current.id : nextLocalId(db, 'catalogitems');
      queueEdit(db, 'catalogItem.save', id, itemPayload({ ...draft, id }), current ? itemPayload(current) : null);
    }
    for (const { next, current } of planned.categories) {
      const payload = {
        id: next.id,
        catalogid: next.catalogid,
        parentid: next.parentid,
        name: next.name,
        description: next.description,
        sortorder: next.sortorder,
        visible: next.visible,
        seoalias: next.seoalias,
      };
      if (payload.name.trim() === '') refuse([{ field: 'name', code: 'required', message: `Category ${next.id} needs a name.` }]);
      queueEdit(db, 'category.save', next.id, payload, { ...payload, ...current });
    }
  })();
  return planned.preview;
}
