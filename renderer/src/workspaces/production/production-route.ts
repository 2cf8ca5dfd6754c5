/**
 * Where the Production workspace is, from the URL hash: #/production (the bills to produce), #/production/<bill>/<line>
 * (a bill's handler to run), #/production/audit (the audit of sales). Links and the back button work between them.
 */
export type ProductionRoute = { view: 'worklist' } | { view: 'audit' } | { view: 'bill'; billId: number; lineId: number | null };

export const AUDIT_HASH = '#/production/audit';

export function parseProductionHash(hash: string): ProductionRoute {
  const [workspace, first, second] = hash.replace(/^#\/?/, '').split('/');
  if (workspace !== 'production') return { view: 'worklist' };
  if (first === 'audit') return { view: 'audit' };
  const id = (text: string | undefined) => (text && /^[1-9]\d{0,15}$/.test(text) ? Number(text) : null);
  const billId = id(first);
  return billId === null ? { view: 'worklist' } : { view: 'bill', billId, lineId: id(second) };
}

/** The audit's table scrolls inside the window, as Bills does: the workspace fills it then. */
export function isAuditHash(hash: string): boolean {
  return parseProductionHash(hash).view === 'audit';
}
