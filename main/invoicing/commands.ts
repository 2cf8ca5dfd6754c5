import type { InvoicingView } from '../../shared/contract/invoicing';
import type { CommandsFor } from '../core/commands';
import type { CoreServices } from '../core/services';
import type { Db } from '../db/open';
import { invoicingContext, settingsMissing } from './invoicing-context';
import { siteSeller } from './site-seller';
import type { InvoicingSettings } from '../../shared/contract/invoicing';

/**
 * The active profile's invoicing settings, with what the shop says of its seller and what invoices would
 * still lack: the Settings workspace shows it, and so does a script (invoicing.settings).
 */
export function invoicingCommands(services: CoreServices): CommandsFor<'invoicing.settings' | 'invoicing.updateSettings'> {
  const view = (): InvoicingView => {
    const site = services.activeSite();
    return invoicingView(site.db, site.profileId, services.invoicing.get(site.profileId));
  };
  return {
    'invoicing.settings': () => view(),
    'invoicing.updateSettings': ({ settings }) => {
      const site = services.activeSite();
      services.invoicing.set(site.profileId, settings);
      services.logger.info('invoicing settings saved', { profileId: site.profileId });
      return view();
    },
  };
}

export function invoicingView(db: Db, profileId: string, settings: InvoicingSettings): InvoicingView {
  const context = invoicingContext(db, settings);
  const chosen = new Set(settings.exemptions.map((entry) => entry.taxId));
  const categories = db
    .prepare<unknown[], InvoicingView['categories'][number]>(
      `SELECT c.id, c.name, c.parentid, k.name AS catalog FROM category AS c JOIN catalog AS k ON k.id = c.catalogid
       ORDER BY k.name, c.sortorder, c.id`,
    )
    .all();
  return {
    profileId,
    settings,
    site: siteSeller(db),
    seller: context.seller,
    missing: settingsMissing(context),
    zeroRateTaxes: [...context.taxes.values()]
      .filter((tax) => tax.ratio === 0)
      .map((tax) => ({
        id: tax.id,
        title: tax.title,
        basis: context.exemptionOf(tax.id),
        fromTitle: !chosen.has(tax.id) && context.exemptionOf(tax.id) !== null,
      })),
    categories,
  };
}
