import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * LibreOffice as an independent reader of the workbooks the app writes: what it shows is what an operator
 * opening the file sees, computed by other code than the writer's. Each call runs headless in its own
 * throw-away profile (so parallel test files do not share one instance), set to recalculate every formula
 * on load: the totals it shows are its own sums, not the results the writer stored beside its formulas.
 */
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Every sheet of `workbook` as CSV rows, by sheet name. LibreOffice 7.2+ writes one CSV per sheet when the
 * filter's 12th token is -1 (`<file>-<sheet>.csv`). Tokens: comma, double quote, UTF-8, from line 1, default
 * cell formats, language en-US (1033, so raw dates read MM/DD/YYYY whatever the machine), not quoted as
 * text, detect special numbers, `asShown` (formatted as the cells display, or raw values), no formulas.
 */
export async function sheetsAsCsv(workbook: string, options: { asShown: boolean }): Promise<Map<string, string[][]>> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-lo-'));
  try {
    fs.mkdirSync(path.join(work, 'profile', 'user'), { recursive: true });
    fs.writeFileSync(path.join(work, 'profile', 'user', 'registrymodifications.xcu'), PROFILE);
    const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,${options.asShown},false,false,-1`;
    const source = path.join(work, 'book.xlsx');
    fs.copyFileSync(workbook, source);
    await run(
      'soffice',
      [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', work, source],
      {
        timeout: 120_000,
      },
    );
    const sheets = new Map<string, string[][]>();
    for (const file of fs.readdirSync(work).filter((name) => name.startsWith('book-') && name.endsWith('.csv'))) {
      sheets.set(file.slice('book-'.length, -'.csv'.length), parseCsv(fs.readFileSync(path.join(work, file), 'utf8')));
    }
    if (sheets.size === 0) throw new Error(`LibreOffice wrote no CSV for ${workbook}`);
    return sheets;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
