import { describe, expect, it } from 'vitest';
import { issue } from '../../shared/catalogs/field-issue';
import { AppError } from '../../shared/contract';
import type { RunResult } from '../../shared/contract/production';
import { DEFAULT_INVOICING_SETTINGS } from '../../shared/contract/invoicing';
import { refuse } from '../../main/catalogs/catalog-edits';
import { EventBus } from '../../main/core/event-bus';
import { openDatabase } from '../../main/db/open';
import type { Invoice } from '../../main/exports/invoice-data';
import { invoicingContext } from '../../main/invoicing/invoicing-context';
import { MentionsCheck } from '../../main/invoicing/invoice-mentions';
import { problem, refusedFile } from '../../main/lettering/import-problem';
import { ImportJobs } from '../../main/lettering/import-jobs';
import type { MoodleClient } from '../../main/moodle/rest-client';
import { runRefused } from '../../main/production/commands';
import { probeShopPlugin } from '../../main/profiles/site-check';
import type { ShopSite } from '../../main/shop-api/site';
import { claimCache } from '../../main/sync/cache-site';
import { damagedRefusal, enqueue } from '../../main/sync/outbox';
import { sourceFile } from '../../main/uploads/source-file';
import type { StagedUploads } from '../../main/uploads/staged-uploads';
import { errorText, wordedText } from '../../renderer/src/errors/error-text';

/**
 * Refusals the core once stated in English only (issue 15, item 7), thrown by the core's own code and worded by
 * the window's own function: in a French window they read in French, values and all, with no English left. The
 * core's English stays what the CLI and scripts always printed.
 */

const fr = { language: 'fr' as const, locale: 'fr-FR' };

/** Words of the core's English sentences: none of them may be left in the French text. */
const ENGLISH = /\b(the|is|are|was|were|cannot|nothing|then|again|this|these|with|which|wrong|fix|correct|give|full|path|file)\b/i;

function caught(act: () => unknown): AppError {
  try {
    act();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function inFrench(error: AppError): string {
  const said = errorText(error.toShape(), fr);
  expect(said.lang).toBe('fr');
  expect(said.text).not.toMatch(ENGLISH);
  return said.text;
}

describe('refusals worded in the window’s language', () => {
  it('catalog_invalid: each issue as the form words it under its field', () => {
    const error = caught(() =>
      refuse([
        issue('name', 'required', 'Enter a name.'),
        issue('prices.1.fromquantity', 'tiersNotIncreasing', 'Quantities must increase: make this more than 5.', { previous: 5 }),
      ]),
    );
    expect(error.code).toBe('catalog_invalid');
    expect(error.message).toBe('name: Enter a name. prices.1.fromquantity: Quantities must increase: make this more than 5.');
    expect(error.details).toMatchObject({ field: 'name', issues: [{ field: 'name' }, { field: 'prices.1.fromquantity' }] });
    expect(inFrench(error)).toBe(
      'La boutique refuserait certaines valeurs. name\u00a0: Renseignez ce champ. prices.1.fromquantity\u00a0: Les quantités doivent croître\u00a0: mettez plus que 5.',
    );
  });

  it('production_blocked: says nothing was sent and lists the blocking problems as the plan words them', () => {
    const result = {
      runId: 1,
      outcome: 'blocked',
      failure: null,
      plan: {
        problems: [
          {
            code: 'invalid_email',
            blocking: true,
            row: 2,
            message: 'Row 2 (Ann Lee): "ann@" is not an address Moodle accepts.',
            params: { who: 'Ann Lee', email: 'ann@' },
          },
          // A warning does not block: it is not named as a reason.
          { code: 'bill_not_paid', blocking: false, row: null, message: 'The bill is PENDING.', params: { status: 'PENDING' } },
          { code: 'no_participants', blocking: true, row: null, message: 'No participants: enter or paste them.', params: {} },
        ],
      },
    } as unknown as RunResult;
    const error = runRefused(result);
    expect(error.code).toBe('production_blocked');
    expect(error.message).toBe(
      'Nothing was sent to Moodle: Row 2 (Ann Lee): "ann@" is not an address Moodle accepts. No participants: enter or paste them. ' +
        "Fix these problems (the participants, the catalog item's handler parameters or the site), then run the line again.",
    );
    const text = inFrench(error);
    expect(text).toBe(
      'Rien n’a été envoyé à Moodle\u00a0: Ann Lee\u00a0: «\u00a0ann@\u00a0» n’est pas une adresse que Moodle accepte. ' +
        'Aucun participant\u00a0: saisissez ou collez les apprenants et les tuteurs. ' +
        'Corrigez ces problèmes (les participants, les paramètres de mise en place du produit du catalogue ou le site), puis relancez la ligne.',
    );
    expect(text).not.toContain('pas encore payée');
  });

  it('production_failed: names the step in French, where it failed, and the diagnosis', () => {
    const diagnosis = { code: 'usernameTaken', params: { username: 'bo' } };
    const failure = {
      step: 'accounts',
      function: 'core_user_create_users',
      code: 'invalidparameter',
      message:
        'Row 3 (Bo): The username bo was taken on the site since the plan. Moodle refused the whole batch; nothing of it was applied. Fix it, then run again.',
      row: 3,
      who: 'Bo',
      diagnosis,
    };
    const error = runRefused({ runId: 1, outcome: 'failed', failure, plan: { problems: [] } } as unknown as RunResult);
    expect(error.code).toBe('production_failed');
    expect(error.message).toBe(
      'Moodle refused core_user_create_users (invalidparameter) while at step accounts: Row 3 (Bo). ' +
        'The username bo was taken on the site since the plan. Moodle refused the whole batch; nothing of it was applied. Fix it, then run again. ' +
        'What was sent before stays on the site and a new run finds it done: fix this, then run the line again.',
    );
    // The diagnosis is coded (test/unit/diagnosis-words.test.ts): worded in French like the rest.
    expect(inFrench(error)).toBe(
      'Moodle a refusé core_user_create_users (invalidparameter) à l’étape «\u00a0création des comptes\u00a0», pour la ligne 3 (Bo). ' +
        'Détail\u00a0: L’identifiant bo a été pris sur le site depuis le plan. Moodle a refusé tout le lot\u202f; rien n’en a été appliqué. ' +
        'Corrigez-le, puis relancez. Ce qui a été envoyé avant reste sur le site et un nouveau lancement le trouvera fait\u00a0: ' +
        'corrigez ceci, puis relancez la ligne.',
    );
  });

  it('lettering_file_invalid: the file refused whole, its first line worded as in the import’s list', () => {
    const problems = [
      problem({ line: 12, code: 'amount', params: { column: 'Debit', value: '12,3,4' } }),
      problem({ line: 40, code: 'empty', params: { headerOnly: false } }),
    ];
    const error = refusedFile('ledger.csv', problems);
    expect(error.code).toBe('lettering_file_invalid');
    expect(error.message).toBe(
      'ledger.csv: 2 lines are wrong, so nothing was imported. Line 12: Debit "12,3,4" is not an amount such as 1250,00. Correct the file, then import it again.',
    );
    expect(error.details).toMatchObject({ total: 2, lines: 2 });
    expect(inFrench(error)).toBe(
      'ledger.csv\u00a0: 2 lignes sont erronées, rien n’a donc été importé. Ligne 12\u00a0: Debit «\u00a012,3,4\u00a0» n’est pas un montant comme 1250,00. ' +
        'Corrigez le fichier, puis importez-le de nouveau.',
    );
    expect(inFrench(refusedFile('ledger.csv', problems.slice(0, 1)))).toMatch(/^ledger\.csv\u00a0: une ligne est erronée/);
  });

  it('invalid_input: a relative path, and a second import under the id of one running', async () => {
    const relative = caught(() => sourceFile({} as StagedUploads, { file: 'exports/ledger.csv' }, { transport: 'cli' }));
    expect(relative.code).toBe('invalid_input');
    expect(relative.message).toBe('exports/ledger.csv is not an absolute path. Give the full path of the file.');
    expect(inFrench(relative)).toBe('exports/ledger.csv n’est pas un chemin absolu. Donnez le chemin complet du fichier.');

    const jobs = new ImportJobs(new EventBus());
    let finish = () => {};
    const first = jobs.run('nightly', () => new Promise<void>((resolve) => (finish = resolve)));
    const second = await jobs.run('nightly', async () => {}).catch((error: unknown) => error);
    finish();
    await first;
    expect(second).toBeInstanceOf(AppError);
    expect((second as AppError).message).toBe('An import named nightly is already running; wait for it or cancel it first.');
    expect(inFrench(second as AppError)).toBe('Un import nommé nightly est déjà en cours\u202f; attendez-le ou annulez-le d’abord.');
  });

  it('site_changed: what happened, what to do, and the unsent changes left with the old cache', () => {
    const db = openDatabase(':memory:');
    const site = (siteidentifier: string, sitename: string, wwwroot: string) =>
      ({
        siteidentifier,
        sitename,
        wwwroot,
        seller: { name: '', address: '', zip: '', city: '', country: '', email: '' },
      }) as unknown as ShopSite;
    claimCache(db, site('a1', 'Formations Nord', 'https://nord.example'));
    for (const entityId of [1, 2])
      enqueue(db, { kind: 'bill.lettering', entityId, baseVersion: 0, payload: { idnumber: `FA-${entityId}` } });
    const error = caught(() => claimCache(db, site('b2', 'Formations Sud', 'https://sud.example')));
    expect(error.code).toBe('site_changed');
    expect(error.message).toContain(
      'This profile now reaches Formations Sud (https://sud.example), but its cache was filled from Formations Nord (https://nord.example).',
    );
    expect(error.message).toContain(
      'listed in Settings. Its 2 unsent changes stay with it and will not be sent to the new site. Otherwise',
    );
    expect(error.details).toMatchObject({ unsent: 2, reachedSite: { identifier: 'b2' } });
    const text = inFrench(error);
    expect(text).toContain(
      'Ce profil joint maintenant Formations Sud (https://sud.example), mais son cache a été rempli depuis Formations Nord (https://nord.example).',
    );
    expect(text).toContain('Ses 2 modifications non envoyées restent avec lui');
    expect(text).toContain('Synchronisation › Démarrer un nouveau cache pour ce site');
    db.close();
  });

  it('invoice_mentions_missing: each missing mention as the export’s list names it', () => {
    const db = openDatabase(':memory:');
    const check = new MentionsCheck(invoicingContext(db, DEFAULT_INVOICING_SETTINGS));
    const buyer = { customerId: 9, lines: ['1 rue Haute'], country: 'FR', business: false, named: false, addressed: true, siren: '' };
    check.add({ billId: 41, proforma: false, buyer: buyer as unknown as Invoice['buyer'], lines: [] });
    const error = caught(() => check.assertComplete());
    expect(error.code).toBe('invoice_mentions_missing');
    expect(error.message).toMatch(/^The invoices would lack mentions French law requires, so none was written: the seller's name; /);
    expect(error.message).toContain('the name of customer 1 rue Haute (bill 41)');
    const text = inFrench(error);
    expect(text).toMatch(
      /^Il manquerait aux factures des mentions que la loi française exige, aucune n’a donc été écrite\u00a0: la raison sociale du vendeur\u202f; /,
    );
    expect(text).toContain('le nom de 1 rue Haute (factures 41)');
    db.close();
  });

  it('a damaged outbox entry, and the site check’s message about the plugin', async () => {
    const damaged = damagedRefusal({ seq: 3, state: 'parked', damaged: 'unknown kind bill.fly', cause: 'unknownKind', kind: 'bill.fly' });
    expect(damaged.message).toBe('This change cannot be read back (unknown kind bill.fly). Discard it and make it again.');
    expect(inFrench(damaged)).toBe('Cette modification ne peut pas être relue (type inconnu bill.fly). Abandonnez-la et refaites-la.');

    const client = { call: async () => ({ nonsense: true }) } as unknown as MoodleClient;
    const plugin = await probeShopPlugin(client);
    expect(plugin.state).toBe('failed');
    expect(plugin.message).toMatch(/^The site's local_shopbackoffice_get_site answered something this back-office does not understand/);
    const said = wordedText(plugin.message!, plugin.messageText ? { text: plugin.messageText } : undefined, fr);
    expect(said.lang).toBe('fr');
    expect(said.text).toBe(
      'La fonction local_shopbackoffice_get_site du site a répondu quelque chose que ce back-office ne comprend pas\u00a0: le plugin est peut-être d’une autre version. Installez la version livrée avec ce back-office.',
    );
  });
});
