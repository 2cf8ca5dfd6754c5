import { describe, expect, it } from 'vitest';
import { AUDIT_HASH, isAuditHash, parseHandlersHash } from './handlers-route';

describe('the Production workspace’s address', () => {
  it('tells the worklist, a bill’s line and the audit apart', () => {
    expect(parseHandlersHash('#/handlers')).toEqual({ view: 'worklist' });
    expect(parseHandlersHash('#/handlers/42')).toEqual({ view: 'bill', billId: 42, lineId: null });
    expect(parseHandlersHash('#/handlers/42/7')).toEqual({ view: 'bill', billId: 42, lineId: 7 });
    expect(parseHandlersHash(AUDIT_HASH)).toEqual({ view: 'audit' });
    expect(isAuditHash('#/handlers/audit')).toBe(true);
  });

  it('reads a damaged address as the worklist', () => {
    expect(parseHandlersHash('#/handlers/0')).toEqual({ view: 'worklist' });
    expect(parseHandlersHash('#/handlers/abc/1')).toEqual({ view: 'worklist' });
    expect(isAuditHash('#/bills/audit')).toBe(false);
  });
});
