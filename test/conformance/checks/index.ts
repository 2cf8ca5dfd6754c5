import type { Check } from '../check';
import { billInvariantCheck } from './bill-invariants';
import { catalogRefusalChecks } from './catalog-refusals';
import { cursorConcurrentWriteCheck } from './cursor-concurrent-write';
import { cursorDeletionCheck } from './cursor-deletions';
import { cursorTieCheck } from './cursor-ties';
import { enrolmentChecks } from './enrolments';
import { syncShapeChecks, writeShapeCheck } from './documented-shapes';
import { htmlCleaningCheck } from './html-cleaning';
import { letteringChecks } from './lettering';
import { missingRecordCheck } from './missing-records';
import { mutationIdChecks } from './mutation-ids';
import { pagingChecks } from './paging';
import { paymentChecks } from './payments';
import { permissionCheck } from './permissions';
import { productionChecks } from './production';
import { refundChecks } from './refunds';
import { settlingCheck } from './settling';
import { siteIdentityChecks } from './site-identity';
import { transitionChecks } from './transitions';
import { versionChecks } from './versions';

/**
 * Every check, in the order they run: reads first, while the site is as seeded; then the writes; last, the
 * summary of the write answers the others got.
 */
export const ALL_CHECKS: readonly Check[] = [
  ...siteIdentityChecks,
  ...syncShapeChecks,
  ...pagingChecks,
  billInvariantCheck,
  cursorTieCheck,
  cursorDeletionCheck,
  cursorConcurrentWriteCheck,
  settlingCheck,
  ...versionChecks,
  ...enrolmentChecks,
  ...mutationIdChecks,
  ...transitionChecks,
  ...paymentChecks,
  ...refundChecks,
  ...letteringChecks,
  ...productionChecks,
  ...catalogRefusalChecks,
  htmlCleaningCheck,
  missingRecordCheck,
  permissionCheck,
  writeShapeCheck,
];
