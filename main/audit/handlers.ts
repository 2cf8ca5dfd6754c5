import { AppError } from '../../shared/contract';
import type { HandlersFor } from '../core/handlers';
import type { CoreServices } from '../core/services';

type AuditCommands = 'audit.run' | 'audit.check' | 'audit.cancel' | 'audit.list' | 'audit.plan' | 'audit.fix' | 'audit.exportXlsx';

// WORK IN PROGRESS on branch i17-audit: replaced by the audit engine before it lands.
export function auditHandlers(_services: CoreServices): HandlersFor<AuditCommands> {
  const pending = (): never => {
    throw new AppError('internal', 'The audit is being built.');
  };
  return {
    'audit.run': pending,
    'audit.check': pending,
    'audit.cancel': pending,
    'audit.list': pending,
    'audit.plan': pending,
    'audit.fix': pending,
    'audit.exportXlsx': pending,
  };
}
