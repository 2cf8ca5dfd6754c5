import { expectThat, fail, type Check } from '../check';

/**
 * HTML fields (docs/shop-api.md, "Conventions"): PARAM_RAW on the wire, cleaned by the server with Moodle's
 * clean_text() on write, so a script sent by a client never reaches a page of the shop. The exact markup
 * clean_text() keeps is Moodle's business; what it must drop is not.
 */
export const htmlCleaningCheck: Check = {
  name: 'writes: HTML fields are cleaned on write (no script, no event handler), their text kept',
  async run({ site, fixtures }) {
    const dirty = '<p onclick="steal()">Conformance<script>alert(1)</script></p>';
    const input = await fixtures.itemInput({ description: dirty, notes: dirty, eula: dirty });
    const answer = await site.api.saveCatalogItem(site.mutationId(), 0, input);
    if (answer.status !== 'applied' || !answer.current) fail(`creating an item answered ${answer.status}`);
    fixtures.itemCreated(answer.id, answer.version);
    for (const field of ['description', 'notes', 'eula'] as const) {
      const kept = answer.current[field];
      expectThat(!/<script|onclick|alert\(/i.test(kept), `item ${answer.id}'s ${field} was stored as ${JSON.stringify(kept)}: not cleaned`);
      expectThat(kept.includes('Conformance'), `item ${answer.id}'s ${field} lost its text: ${JSON.stringify(kept)}`);
    }
  },
};
