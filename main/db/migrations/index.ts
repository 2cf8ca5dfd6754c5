import type { Migration } from '../migration';
import { migration0010 } from './0010-initial';
import { migration0020 } from './0020-shop-cache';
import { migration0030 } from './0030-bill-search';
import { migration0040 } from './0040-customer-totals';
import { migration0050 } from './0050-lettering';
import { migration0060 } from './0060-production';
import { migration0070 } from './0070-catalog-editing';
import { migration0080 } from './0080-outbox-by-state';
import { migration0090 } from './0090-sync-run-error-code';
import { migration0110 } from './0110-sync-sent';
import { migration0120 } from './0120-credit-notes';
import { migration0130 } from './0130-outbox-error-text';
import { migration0140 } from './0140-audit';
import { migration0150 } from './0150-dashboard-indexes';
import { migration0160 } from './0160-reminders';
import { migration0170 } from './0170-dashboard-totals';

/** Every migration, in order. The last one's version is the head schema this build understands. */
export const migrations: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
  migration0110,
  migration0120,
  migration0130,
  migration0140,
  migration0150,
  migration0160,
  migration0170,
];
