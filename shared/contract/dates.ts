import { z } from 'zod';

/** 1 January 2000, in Unix seconds: no shop sold a course through Moodle before. */
const EARLIEST = 946_684_800;
/** How far ahead an operator may date something (a payment announced, a session planned). */
const MAX_AHEAD_SECONDS = 366 * 24 * 60 * 60;

/**
 * A date an operator types, in Unix seconds as the shop stores them, bound to a plausible range at the
 * contract: a payment "three million years ago" is a typing slip, and would be queued to the shop as is.
 */
export const operatorDateSchema = z
  .number()
  .int()
  .min(EARLIEST, 'Give a date after 1 January 2000')
  .refine((seconds) => seconds <= Date.now() / 1000 + MAX_AHEAD_SECONDS, 'Give a date at most a year from today');
