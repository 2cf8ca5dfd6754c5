import type { BillStatus } from '../../../../shared/bills/bill-status';
import { useT } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';

/** Colour families: what needs money in, what is settled, what went wrong, what is over. */
const tones: Readonly<Record<BillStatus, 'neutral' | 'info' | 'warning' | 'success' | 'danger' | 'muted'>> = {
  WORKING: 'neutral',
  PLACED: 'info',
  PENDING: 'warning',
  PREPROD: 'info',
  PARTIAL: 'warning',
  SOLDOUT: 'success',
  COMPLETE: 'success',
  PAYBACK: 'danger',
  FAILED: 'danger',
  REFUSED: 'danger',
  CANCELLED: 'muted',
};

export function statusKey(status: BillStatus): MessageKey {
  return `bill.status.${status}`;
}

/** The translated state on its colour; the shop's own code in the tooltip, for talking to its admins. */
export function BillStatusBadge({ status }: { status: BillStatus }) {
  const t = useT();
  return (
    <span className={`status-badge status-${tones[status]}`} title={status}>
      {t(statusKey(status))}
    </span>
  );
}
