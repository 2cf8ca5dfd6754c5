import os from 'node:os';
import type { CallContext } from '../core/handlers';
import { cachedStatement } from '../db/cached-statement';
import type { Db } from '../db/open';

export type LogAction = 'import' | 'match' | 'close' | 'unmatch';

/** Every import, match, close and unmatch, with who did it and when: an accountant's audit trail. */
export function writeLog(db: Db, who: string, action: LogAction, matchId: number | null, detail: string): void {
  cachedStatement(db, 'INSERT INTO lettering_log (at, who, action, match_id, detail) VALUES (?, ?, ?, ?, ?)').run(
    Math.floor(Date.now() / 1000),
    who,
    action,
    matchId,
    detail,
  );
}

export function readLog(db: Db, limit: number): { at: number; who: string; action: LogAction; matchId: number | null; detail: string }[] {
  return db.prepare('SELECT at, who, action, match_id AS matchId, detail FROM lettering_log ORDER BY id DESC LIMIT ?').all(limit) as {
    at: number;
    who: string;
    action: LogAction;
    matchId: number | null;
    detail: string;
  }[];
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
  const siteUser = db.prepare("SELECT value FROM site_meta WHERE key = 'token_user'").pluck().get() as string | undefined;
  return `${user}${siteUser ? ` / ${siteUser}` : ''} (${context.transport})`;
}
