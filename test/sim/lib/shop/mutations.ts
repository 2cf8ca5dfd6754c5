import { invalidParameter } from '../../external/exceptions';
import type { MoodleSite } from '../../site';
import { insertRow, statement } from './db';

/**
 * Client mutation ids (docs/shop-api.md, "Writes"): a write whose id was already applied is not applied
 * again; its first answer comes back with `replayed = 1`. The id and the answer are stored by the write's
 * own call, so in the REST server's one transaction: either both the write and its id are kept, or neither.
 *
 * Only applied answers are stored. A `conflict` or `gone` answer wrote nothing, so there is nothing to
 * protect from repetition, and a client that resolved the conflict may send the same mutation again.
 */
export const MUTATION_ID_MIN = 8;
export const MUTATION_ID_MAX = 64;

export interface WriteAnswer {
  status: string;
  replayed: 0 | 1;
}

export function validateMutationId(clientmutationid: string): void {
  const length = clientmutationid.length;
  if (length < MUTATION_ID_MIN || length > MUTATION_ID_MAX) {
    throw invalidParameter(`clientmutationid must have ${MUTATION_ID_MIN} to ${MUTATION_ID_MAX} characters, not ${length}`);
  }
}

/**
 * Runs `write` once per mutation id. A mutation id already used by another function is a client bug
 * (ids are unique per write), refused as invalidparameter rather than answered with another shape.
 */
export function applyOnce<A extends WriteAnswer>(
  site: MoodleSite,
  functionname: string,
  userid: number,
  clientmutationid: string,
  write: () => A,
): A {
  validateMutationId(clientmutationid);
  const stored = statement(site, 'SELECT functionname, answer FROM mdl_local_shop_mutation WHERE clientmutationid = ?').get(
    clientmutationid,
  ) as { functionname: string; answer: string } | undefined;
  if (stored) {
    if (stored.functionname !== functionname) {
      throw invalidParameter(`clientmutationid ${clientmutationid} was already used by ${stored.functionname}`);
    }
    return { ...(JSON.parse(stored.answer) as A), replayed: 1 };
  }
  const answer = write();
  if (answer.status === 'applied') {
    insertRow(site, 'local_shop_mutation', {
      id: site.nextId('local_shop_mutation'),
      clientmutationid,
      userid,
      functionname,
      answer: JSON.stringify(answer),
      timecreated: site.now(),
    });
  }
  return answer;
}
