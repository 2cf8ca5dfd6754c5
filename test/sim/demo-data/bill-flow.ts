import { FLOW, type BillState as BillStatus } from '../lib/shop/bill-flow';
import { percentOf } from '../lib/shop/money';
import type { Prng, Weighted } from './prng';
import type { Paymode } from './shop';

/**
 * How a bill reached its status: a path through the plugin's flow-control table from where bills start
 * (WORKING in the back-office, PLACED online), with the time of each step, who made it, and the payments
 * that went with it. Every step is an allowed transition, except the one into FAILED: nothing in the table
 * leads there, because it is the shop itself that marks a bill FAILED when a handler's production fails.
 */

const HOUR = 3_600;
const DAY = 86_400;

/** Statuses by weight (per 1 000), for bills issued in the last 60 days and for older ones. */
const RECENT_WEIGHTS: Readonly<Record<BillStatus, number>> = {
  WORKING: 100,
  PLACED: 120,
  PENDING: 200,
  PREPROD: 50,
  PARTIAL: 60,
  SOLDOUT: 250,
  COMPLETE: 150,
  PAYBACK: 5,
  FAILED: 20,
  REFUSED: 15,
  CANCELLED: 30,
};
const OLD_WEIGHTS: Readonly<Record<BillStatus, number>> = {
  WORKING: 20,
  PLACED: 30,
  PENDING: 50,
  PREPROD: 25,
  PARTIAL: 50,
  SOLDOUT: 300,
  COMPLETE: 360,
  PAYBACK: 30,
  FAILED: 35,
  REFUSED: 30,
  CANCELLED: 70,
};

const toWeighted = (weights: Readonly<Record<BillStatus, number>>): Weighted<BillStatus>[] =>
  Object.entries(weights).map(([value, weight]) => ({ value: value as BillStatus, weight }));
const RECENT_STATUS = toWeighted(RECENT_WEIGHTS);
const OLD_STATUS = toWeighted(OLD_WEIGHTS);

export function drawStatus(prng: Prng, recent: boolean): BillStatus {
  return prng.weighted(recent ? RECENT_STATUS : OLD_STATUS);
}

type Path = readonly BillStatus[];
const p = (weight: number, ...value: BillStatus[]): Weighted<Path> => ({ value, weight });

/** The ways to each status; a path of one status is a bill still where it started. */
const PATHS: Readonly<Record<BillStatus, readonly Weighted<Path>[]>> = {
  WORKING: [p(1, 'WORKING')],
  PLACED: [p(3, 'PLACED'), p(1, 'WORKING', 'PLACED')],
  PENDING: [p(3, 'PLACED', 'PENDING'), p(2, 'WORKING', 'PENDING')],
  PREPROD: [p(1, 'PLACED', 'PREPROD')],
  PARTIAL: [p(2, 'WORKING', 'PARTIAL'), p(1, 'PLACED', 'PREPROD', 'PARTIAL')],
  SOLDOUT: [
    p(4, 'PLACED', 'SOLDOUT'),
    p(4, 'PLACED', 'PENDING', 'SOLDOUT'),
    p(2, 'WORKING', 'PENDING', 'SOLDOUT'),
    p(1, 'PLACED', 'PENDING', 'REFUSED', 'SOLDOUT'),
  ],
  COMPLETE: [
    p(4, 'PLACED', 'SOLDOUT', 'COMPLETE'),
    p(4, 'PLACED', 'PENDING', 'SOLDOUT', 'COMPLETE'),
    p(2, 'WORKING', 'PENDING', 'SOLDOUT', 'COMPLETE'),
    p(2, 'PLACED', 'PREPROD', 'COMPLETE'),
    p(1, 'WORKING', 'PARTIAL', 'COMPLETE'),
  ],
  PAYBACK: [p(2, 'PLACED', 'PENDING', 'SOLDOUT', 'PAYBACK'), p(1, 'PLACED', 'SOLDOUT', 'PAYBACK')],
  FAILED: [p(1, 'PLACED', 'FAILED')],
  REFUSED: [p(2, 'PLACED', 'PENDING', 'REFUSED'), p(1, 'WORKING', 'PENDING', 'REFUSED')],
  CANCELLED: [p(2, 'WORKING', 'CANCELLED'), p(2, 'PLACED', 'CANCELLED'), p(2, 'PLACED', 'PENDING', 'CANCELLED')],
};

export function drawPath(prng: Prng, status: BillStatus): Path {
  return prng.weighted(PATHS[status]);
}

/** Whether a path makes the handlers run (and so creates products) before the bill's final state. */
export function pathProduces(prng: Prng, path: Path): boolean {
  const final = path[path.length - 1];
  if (final === 'COMPLETE' || path.includes('PREPROD')) return true;
  // Production runs when payment arrives (SOLDOUT); some shops defer it to a cron or a manual run.
  if (final === 'SOLDOUT' || final === 'PAYBACK') return prng.chance(50);
  return false;
}

/** A transition the flow table allows, or the shop's own move into FAILED. */
export function isRecordedTransition(from: BillStatus, to: BillStatus): boolean {
  return FLOW[from].includes(to) || (to === 'FAILED' && from === 'PLACED');
}

/**
 * `total` cents in two instalments in the ratio first : second, each the floor of its exact share, the cent
 * left over (there is at most one) to the larger remainder, to the first on a tie: the largest-remainder
 * split, so the two always add up to the deposit. Written here, not borrowed from the back-office's money
 * helpers: the demo data stands on the server's side.
 */
function splitInTwo(total: number, first: number, second: number): [number, number] {
  const weights = first + second;
  let a = Math.floor((total * first) / weights);
  let b = Math.floor((total * second) / weights);
  const restA = total * first - a * weights;
  const restB = total * second - b * weights;
  if (a + b < total) {
    if (restA >= restB) a += 1;
    else b += 1;
  }
  return [a, b];
}

/** How long after the previous step this one came, in seconds. */
function delay(prng: Prng, from: BillStatus, to: BillStatus): number {
  if (from === 'PLACED' && (to === 'SOLDOUT' || to === 'FAILED')) return prng.int(30, 900); // online payment
  if (to === 'PENDING') return prng.int(HOUR, 2 * DAY);
  if (to === 'SOLDOUT') return prng.int(DAY, 20 * DAY); // a check or a transfer arrives
  if (to === 'COMPLETE') return from === 'SOLDOUT' ? prng.int(HOUR, 5 * DAY) : prng.int(5 * DAY, 30 * DAY);
  if (to === 'PAYBACK') return prng.int(5 * DAY, 45 * DAY);
  return prng.int(HOUR, 10 * DAY);
}

const NOTES: Partial<Record<BillStatus, readonly string[]>> = {
  PENDING: ['', '', 'Bon de commande reçu'],
  PREPROD: ['Production anticipée : convention de formation signée', 'Accès ouvert avant paiement (administration publique)'],
  SOLDOUT: ['', 'Paiement reçu', 'Règlement rapproché sur le relevé bancaire'],
  COMPLETE: ['', 'Accès vérifiés'],
  PARTIAL: ['Acompte reçu', 'Premier versement (paiement en plusieurs fois)'],
  PAYBACK: ['Remboursement demandé : formation non suivie', 'Double paiement à rembourser'],
  REFUSED: ['Paiement refusé par la banque', 'Chèque sans provision'],
  CANCELLED: ['Annulée à la demande du client', 'Devis non accepté', 'Doublon de commande'],
  FAILED: ['Échec de la production : inscription impossible, cours introuvable'],
};

export interface FlowStep {
  fromstatus: BillStatus;
  tostatus: BillStatus;
  timecreated: number;
  userid: number;
  note: string;
}

export interface FlowPayment {
  amountcents: number;
  paymode: Paymode;
  paidon: number;
}

export interface Flow {
  steps: FlowStep[];
  payments: FlowPayment[];
  /** When the handlers ran (0: never). */
  producedAt: number;
  paymode: Paymode;
  online: boolean;
}

/**
 * Times the path from `emission` (never past `now`), and pays the bill the way its path says: in full on
 * reaching SOLDOUT (or COMPLETE after PREPROD or PARTIAL), in part on reaching PARTIAL.
 */
export function runFlow(prng: Prng, path: Path, emission: number, now: number, amountcents: number, staff: () => number): Flow {
  const online = path[0] === 'PLACED' && path[1] === 'SOLDOUT';
  const offline: Paymode = prng.weighted<Paymode>([
    { value: 'transfer', weight: 6 },
    { value: 'check', weight: 4 },
  ]);
  const paymode: Paymode = online ? 'paypal' : path.length === 1 && path[0] === 'PLACED' && prng.chance(30) ? 'paypal' : offline;
  const steps: FlowStep[] = [];
  const payments: FlowPayment[] = [];
  let producedAt = 0;
  let paid = 0;
  let time = emission;
  for (let i = 1; i < path.length; i += 1) {
    const from = path[i - 1] as BillStatus;
    const to = path[i] as BillStatus;
    time = Math.min(now, time + delay(prng, from, to));
    const automatic =
      (from === 'PLACED' && (to === 'SOLDOUT' || to === 'FAILED' || to === 'PENDING')) || (to === 'COMPLETE' && prng.chance(50));
    steps.push({ fromstatus: from, tostatus: to, timecreated: time, userid: automatic ? 0 : staff(), note: prng.pick(NOTES[to] ?? ['']) });
    if (producedAt === 0 && (to === 'PREPROD' || to === 'SOLDOUT' || (to === 'COMPLETE' && from === 'PARTIAL'))) producedAt = time;
    if (to === 'SOLDOUT' || to === 'COMPLETE') {
      if (amountcents - paid > 0) payments.push({ amountcents: amountcents - paid, paymode, paidon: time });
      paid = amountcents;
    } else if (to === 'PARTIAL') {
      // A deposit of 20 % to 80 %, sometimes in two instalments; the final PARTIAL bills stop there.
      const deposit = Math.min(amountcents - 1, Math.max(1, percentOf(amountcents, prng.int(2000, 8000))));
      const final = i === path.length - 1;
      const parts = final && deposit >= 2 && prng.chance(40) ? splitInTwo(deposit, prng.int(1, 9), prng.int(1, 9)) : [deposit];
      let paidon = time;
      for (const part of parts) {
        payments.push({ amountcents: part, paymode: offline, paidon });
        paidon = Math.min(now, paidon + prng.int(DAY, 30 * DAY));
      }
      paid = deposit;
    }
  }
  return { steps, payments, producedAt, paymode, online };
}
