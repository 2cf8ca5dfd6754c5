import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INVOICING_SETTINGS, type InvoicingView } from '../../shared/contract/invoicing';
import { DEMO_INVOICING } from '../../test/support/demo-invoicing';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { createCore, type Core } from '../core/create-core';
import { silentLogger } from '../core/logger';
import { basisFromTitle } from './exemptions';
import { effectiveSeller, parseRegistration } from './seller';

describe("the seller's registration as local_shop keeps it", () => {
  it('reads the SIREN and the register city from "842 105 371 RCS Lyon", a SIRET or a bare SIREN, only with a valid key', () => {
    expect(parseRegistration('842 105 371 RCS Lyon')).toEqual({ siren: '842105371', registryCity: 'Lyon' });
    expect(parseRegistration('RCS de Saint-Étienne 842105371')).toEqual({ siren: '842105371', registryCity: 'Saint-Étienne' });
    expect(parseRegistration('SIRET 842 105 371 00004')).toEqual({ siren: '842105371', registryCity: '' });
    // A wrong check digit, or a number too short, is no SIREN: the settings must give it.
    expect(parseRegistration('842 105 372 RCS Lyon')).toEqual({ siren: '', registryCity: 'Lyon' });
    expect(parseRegistration('12345')).toEqual({ siren: '', registryCity: '' });
    expect(parseRegistration('')).toEqual({ siren: '', registryCity: '' });
  });

  it("takes the profile's settings over the shop's, field by field, and the billing address only when it differs", () => {
    const site = {
      name: 'Savoirs',
      address: '18 quai Claude Bernard',
      zip: '69007',
      city: 'Lyon',
      country: 'fr',
      email: 'a@b.example',
      supportemail: '',
      supportphone: '+33 4',
      registration: '842 105 371 RCS Lyon',
      vatnumber: 'fr 13 842105371',
      billingaddress: '18 quai Claude Bernard',
      billingzip: '69007',
      billingcity: 'LYON',
      billingcountry: 'FR',
    };
    const seller = effectiveSeller(site, { ...DEMO_INVOICING, seller: { ...DEMO_INVOICING.seller, name: 'Savoirs & Compétences' } });
    expect(seller).toMatchObject({
      name: 'Savoirs & Compétences',
      country: 'FR',
      siren: '842105371',
      registryCity: 'Lyon',
      vatnumber: 'FR13842105371',
      phone: '+33 4',
      legalForm: 'SAS',
      billing: null,
    });
    expect(effectiveSeller({ ...site, billingaddress: '4 rue X', billingcity: 'Villeurbanne' }, DEMO_INVOICING).billing).toEqual({
      address: '4 rue X',
      zip: '69007',
      city: 'Villeurbanne',
      country: 'FR',
    });
    expect(effectiveSeller(null, DEFAULT_INVOICING_SETTINGS)).toMatchObject({ name: '', siren: '', billing: null });
  });

  it('reads the basis of an exemption from a tax title that names its article, and only one', () => {
    expect(basisFromTitle('Exonéré (art. 261-4-4° du CGI)')).toBe('training');
    expect(basisFromTitle('TVA non applicable, art. 293 B du CGI')).toBe('franchise');
    expect(basisFromTitle('Autoliquidation')).toBe('reverseCharge');
    expect(basisFromTitle('Livraison intracommunautaire 262 ter I')).toBe('intraEuGoods');
    expect(basisFromTitle('Export 262 I CGI')).toBe('export');
    expect(basisFromTitle('Exonéré')).toBeNull();
    expect(basisFromTitle('TVA 20 %')).toBeNull();
  });
});

describe('invoicing settings through the contract', () => {
  let sim: SimulatedSite;
  let core: Core;
  let dataDir: string;
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const result = await core.dispatch(name, input, { transport: 'internal' });
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as T;
  };

  beforeAll(async () => {
    sim = await startSimulatedSite({ demo: { bills: 12 } });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-invoicing-'));
    core = createCore({ dataDir, mode: 'cli', version: 'test', logger: silentLogger, autoSync: false });
    await call('profiles.create', { name: 'Shop', url: sim.url, token: sim.adminToken });
  }, 30_000);
  afterAll(async () => {
    core?.close();
    await sim?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps the shop's seller from the first sync, and follows the shop's settings at the next", async () => {
    const before = await call<InvoicingView>('invoicing.settings');
    expect(before.site).toBeNull();
    expect(before.missing.map((entry) => entry.mention)).toContain('seller.siren');
    await call('sync.start');
    const after = await call<InvoicingView>('invoicing.settings');
    expect(after.site?.seller).toMatchObject({ name: 'Savoirs & Compétences', registration: '842 105 371 RCS Lyon' });
    expect(after.seller).toMatchObject({ siren: '842105371', registryCity: 'Lyon', vatnumber: 'FR13842105371' });
    expect(after.zeroRateTaxes).toEqual([{ id: 3, title: 'Exonéré (art. 261-4-4° du CGI)', basis: 'training', fromTitle: true }]);
    expect(after.categories.map((category) => category.name)).toContain('Livres et supports');
    expect(after.missing.map((entry) => entry.mention)).toEqual([
      'seller.legalForm',
      'payment.latePenalty',
      'payment.earlyPaymentDiscount',
      'operations',
    ]);

    sim.site.setPluginConfig('local_shop', 'sellername', 'Savoirs et Compétences');
    await call('sync.start');
    expect((await call<InvoicingView>('invoicing.settings')).seller.name).toBe('Savoirs et Compétences');
  }, 30_000);

  it('saves per profile, refuses a SIREN whose key is wrong, and keeps the settings across a new cache', async () => {
    const bad = { ...DEMO_INVOICING, seller: { ...DEMO_INVOICING.seller, siren: '123 456 789' } };
    await expect(call('invoicing.updateSettings', { settings: bad })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: ['settings', 'seller', 'siren'] }] },
    });
    const saved = await call<InvoicingView>('invoicing.updateSettings', { settings: DEMO_INVOICING });
    expect(saved.missing).toEqual([]);
    expect(saved.settings).toEqual(DEMO_INVOICING);
    const { id } = core.services.profiles.active()!;
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'profiles', id, 'invoicing.json'), 'utf8'))).toEqual(DEMO_INVOICING);
    // A damaged file is set aside and the defaults are used: never a crash.
    fs.writeFileSync(path.join(dataDir, 'profiles', id, 'invoicing.json'), '{ not json');
    expect((await call<InvoicingView>('invoicing.settings')).settings).toEqual(DEFAULT_INVOICING_SETTINGS);
    expect(fs.readdirSync(path.join(dataDir, 'profiles', id)).some((name) => name.startsWith('invoicing.json.unreadable-'))).toBe(true);
  });
});
