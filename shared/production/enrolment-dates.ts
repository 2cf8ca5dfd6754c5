/**
 * When an enrolment starts and ends, from the enrol handler's parameters (reference: local_shop.md):
 * `starttime` (a Unix time; now by default), then `endtime` as a Unix time or `+nD` / `+nH` after the start,
 * or `duration` in days. No end is 0, as Moodle stores it.
 */

const DAY = 86_400;
const HOUR = 3_600;

export type EnrolmentDates =
  { ok: true; timestart: number; timeend: number } | { ok: false; field: 'starttime' | 'endtime' | 'duration'; value: string };

export function enrolmentDates(params: Readonly<Record<string, string>>, now: number): EnrolmentDates {
  const start = params['starttime'];
  let timestart = now;
  if (start !== undefined && start !== '' && start !== '0') {
    if (!/^\d+$/.test(start)) return { ok: false, field: 'starttime', value: start };
    timestart = Number(start);
  }
  const end = params['endtime'];
  if (end !== undefined && end !== '' && end !== '0') {
    const relative = /^\+(\d+)([DH])$/.exec(end);
    if (relative) return { ok: true, timestart, timeend: timestart + Number(relative[1]) * (relative[2] === 'D' ? DAY : HOUR) };
    if (!/^\d+$/.test(end)) return { ok: false, field: 'endtime', value: end };
    return { ok: true, timestart, timeend: Number(end) };
  }
  const duration = params['duration'];
  if (duration !== undefined && duration !== '' && duration !== '0') {
    if (!/^\d+$/.test(duration)) return { ok: false, field: 'duration', value: duration };
    return { ok: true, timestart, timeend: timestart + Number(duration) * DAY };
  }
  return { ok: true, timestart, timeend: 0 };
}

/** Extension: new end = max(now, current end) + days × quantity (reference: local_shop.md). */
export function extendedEnd(currentEnd: number, now: number, days: number, quantity: number): number {
  return Math.max(now, currentEnd) + days * quantity * DAY;
}
