import { describe, expect, it } from 'vitest';
import { fileStamp, isAbsolutePath, joinPath, pdfFolderName, pdfName, xlsxName } from './export-paths';

const at = new Date(2026, 2, 3, 14, 5).getTime();

describe('export paths', () => {
  it('joins with the data folder’s own separator', () => {
    expect(joinPath('/home/ada/.config/bo', 'exports', 'a.xlsx')).toBe('/home/ada/.config/bo/exports/a.xlsx');
    expect(joinPath('/data/', 'exports')).toBe('/data/exports');
    expect(joinPath('C:\\Users\\Ada\\AppData\\bo', 'exports')).toBe('C:\\Users\\Ada\\AppData\\bo\\exports');
  });

  it('names files after the local time', () => {
    expect(fileStamp(at)).toBe('2026-03-03-1405');
    expect(xlsxName(at)).toBe('bills-2026-03-03-1405.xlsx');
    expect(pdfName(at, [12])).toBe('invoice-12.pdf');
    expect(pdfName(at, [12, 13])).toBe('invoices-2026-03-03-1405.pdf');
    expect(pdfFolderName(at)).toBe('invoices-2026-03-03-1405');
  });

  it('tells absolute paths', () => {
    expect(isAbsolutePath('/tmp/x.xlsx')).toBe(true);
    expect(isAbsolutePath('C:\\x.xlsx')).toBe(true);
    expect(isAbsolutePath('\\\\server\\share\\x.pdf')).toBe(true);
    expect(isAbsolutePath('exports/x.xlsx')).toBe(false);
  });
});
