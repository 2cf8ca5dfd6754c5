import { centsText } from '../../shared/money/cents-text';
import ExcelJS from 'exceljs';

/**
 * The first sheet of a workbook as text cells, one record per non-empty row with its row number. Dates become
 * YYYY-MM-DD; numbers keep their digits, and an amount stored as a number with two decimals is written with
 * exactly two (so 1250.5 reads as "1250.50", never through a computation in floating point).
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<{ line: number; cells: string[] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c).value));
    if (cells.some((x) => x.trim() !== '')) rows.push({ line: rowNumber, cells });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
  }
  return '';
}

function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const hundredths = Math.round(n * 100);
  // Within a millionth of a cent: the number was typed with two decimals at most.
  if (Math.abs(n * 100 - hundredths) < 1e-6) {
    return centsText(hundredths);
  }
  return String(n);
}
