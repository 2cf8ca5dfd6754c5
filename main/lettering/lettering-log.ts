import os from 'node:os';
import type { CallContext } from '../core/commands';
import { cachedStatement } from '../db/cached-statement';
import type { Db } from '../db/open';
import type { LetteringLogTableRow } from '../db/tables';
import { logWhatSchema, type LogWhat } from '../../shared/contract/lettering';
import { centsToFec } from '../../shared/lettering/decimal-cents';

export type LogAction = LogWhat['action'];

export interface LogEntry {
  at: number;
  who: string;
  action: LogAction;
  matchId: number | null;
  what: LogWhat | null;
  detail: string;
}

/**
 * Every import, match, close and unmatch, with who did it and when: an accountant's audit trail. What was done
 * is kept as its parameters (JSON in `detail`), so the window words it in the operator's language.
 */
export function writeLog(db: Db, who: string, matchId: number | null, what: LogWhat): void {
  cachedStatement(db, 'INSERT INTO lettering_log (at, who, action, match_id, detail) VALUES (?, ?, ?, ?, ?)').run(
    Math.floor(Date.now() / 1000),
    who,
    what.action,
    matchId,
    JSON.stringify(what),
  );
}

export function readLog(db: Db, limit: number): LogEntry[] {
  const rows = db
    .prepare<
      [number],
      Pick<LetteringLogTableRow, 'at' | 'who' | 'detail'> & { action: LogAction; matchId: LetteringLogTableRow['match_id'] }
    >('SELECT at, who, action, match_id AS matchId, detail FROM lettering_log ORDER BY id DESC LIMIT ?')
    .all(limit);
  return rows.map((row) => {
    const what = parsedWhat(row.detail, row.action);
    return { ...row, what, detail: what ? logDetailText(what) : row.detail };
  });
}

/** The parameters stored by writeLog; null for an entry written as English text before they were. */
function parsedWhat(detail: string, action: LogAction): LogWhat | null {
  if (!detail.startsWith('{')) return null;
  try {
    const parsed = logWhatSchema.safeParse(JSON.parse(detail));
    return parsed.success && parsed.data.action === action ? parsed.data : null;
  } catch {
    return null;
  }
}

function money(cents: number, currency: string): string {
  return `${centsToFec(cents)} ${currency}`;
}

/** What a log entry records, in English for the CLI and scripts (the window words it per language). */
export function logDetailText(what: LogWhat): string {
  switch (what.action) {
    case 'import':
      return `${what.file}: ${what.invoices} invoices imported, ${what.skipped} already known (${what.format.toUpperCase()}${what.encoding ? `, ${what.encoding}` : ''})`;
    case 'match':
      if (what.creditNotes?.length)
        return `credit notes ${what.creditNotes.map((c) => `${c.number} (${money(c.cents, what.currency)})`).join(', ')} ↔ invoices ${what.invoices
          .map((i) => `${i.reference} (${money(i.cents, what.currency)})`)
          .join(', ')}; rule ${what.rule}`;
      return `bills ${what.bills.map((b) => `${b.id} (${money(b.cents, what.currency)})`).join(', ')} ↔ invoices ${what.invoices
        .map((i) => `${i.reference} (${money(i.cents, what.currency)})`)
        .join(', ')}; rule ${what.rule}`;
    case 'close':
      return `balanced${what.differenceCents !== 0 ? ` within ${money(Math.abs(what.differenceCents), what.currency)} (tolerance ${money(what.toleranceCents, what.currency)})` : ' to the cent'}; lettering ${what.letterings.join(', ') || 'already on the shop'}`;
    case 'unmatch':
      return `match ${what.code} undone${what.letterings.length ? `; lettering ${what.letterings.join(', ')} removed` : ''}${what.note ? `: ${what.note}` : ''}`;
  }
}

/**
 * Who acts: the account on this computer, the site's user the token belongs to when it is known, and the way
 * the command came (the app's window, the CLI). No password or token ever goes in.
 */
export function operatorName(db: Db, context: CallContext): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (a container): the site user still names someone.
  }
  const siteUser = db.prepare<[], string>("SELECT value FROM site_meta WHERE key = 'token_user'").pluck().get();
  return `${user}${siteUser ? ` / ${siteUser}` : ''} (${context.transport})`;
}
