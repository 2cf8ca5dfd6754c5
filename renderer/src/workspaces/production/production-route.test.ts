import { describe, expect, it } from 'vitest';
import { AUDIT_HASH, isAuditHash, parseProductionHash } from './production-route';

describe('the Production workspace’s address', () => {
  it('tells the worklist, a bill’s line and the audit apart', () => {
    expect(parseProductionHash('#/production')).toEqual({ view: 'worklist' });
    expect(parseProductionHash('#/production/42')).toEqual({ view: 'bill', billId: 42, lineId: null });
    expect(parseProductionHash('#/production/42/7')).toEqual({ view: 'bill', billId: 42, lineId: 7 });
    expect(parseProductionHash(AUDIT_HASH)).toEqual({ view: 'audit' });
    expect(isAuditHash('#/production/audit')).toBe(true);
  });

  it('reads a damaged address as the worklist', () => {
    expect(parseProductionHash('#/production/0')).toEqual({ view: 'worklist' });
    expect(parseProductionHash('#/production/abc/1')).toEqual({ view: 'worklist' });
    expect(isAuditHash('#/bills/audit')).toBe(false);
  });
});
