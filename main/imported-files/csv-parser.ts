/**
 * CSV as spreadsheets and accounting software write it: separator guessed from the header (; , tab or |),
 * fields quoted with " and "" inside, quoted line breaks kept. Each record keeps the line it starts on, for
 * the import report.
 */
export function parseCsv(text: string): { rows: { line: number; cells: string[] }[]; separator: string } {
  const headerEnd = text.search(/\r?\n/);
  const header = headerEnd < 0 ? text : text.slice(0, headerEnd);
  const separator = [';', ',', '\t', '|'].map((s) => ({ s, n: countOutsideQuotes(header, s) })).sort((a, b) => b.n - a.n)[0]!.s;
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (c === '\n') line += 1;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      cells.push(cell);
      if (cells.some((x) => x.trim() !== '')) rows.push({ line: start, cells });
      cells = [];
      cell = '';
      line += 1;
      start = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.some((x) => x.trim() !== '')) rows.push({ line: start, cells });
  return { rows, separator };
}

function countOutsideQuotes(text: string, separator: string): number {
  let n = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === separator) n += 1;
  }
  return n;
}
