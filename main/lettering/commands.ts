import type { CallContext, CommandsFor } from '../core/commands';
import { sourceFile } from '../uploads/source-file';
import type { CoreServices } from '../core/services';
import { outboxCounts } from '../sync/outbox';
import type { LetteringSource } from '../../shared/contract/lettering';
import { importInvoices, previewImport, type ReadableSource } from './invoice-import';
import { ImportJobs } from './import-jobs';
import { writeLetteringFec, writeLetteringXlsx } from './lettering-export';
import { operatorName, readLog } from './lettering-log';
import { acceptSuggestions, closeWaitingMatches, createMatch, listMatches, unmatch } from './matches';
import { acceptCreditSuggestions, matchCreditNote } from './credit-note-matches';
import { letteringOverview } from './overview';
import { readAtOnce } from '../db/snapshot';

type LetteringCommandName =
  | 'lettering.preview'
  | 'lettering.import'
  | 'lettering.cancelImport'
  | 'lettering.overview'
  | 'lettering.match'
  | 'lettering.acceptExact'
  | 'lettering.matchCreditNote'
  | 'lettering.unmatch'
  | 'lettering.matches'
  | 'lettering.log'
  | 'lettering.exportXlsx'
  | 'lettering.exportFec';

export function letteringCommands(services: CoreServices): CommandsFor<LetteringCommandName> {
  const db = () => services.activeSite().db;
  const imports = new ImportJobs(services.bus);
  /** A match made or undone: its bills' lettering is queued, the bills table and the Sync workspace follow. */
  const changed = (billIds: number[] | null) => {
    services.bus.emit('lettering.changed', {});
    if (billIds && billIds.length > 0) {
      services.bus.emit('bills.changed', { ids: billIds });
      services.bus.emit('outbox.changed', outboxCounts(db()));
    }
  };
  // A sync may bring paid the bills of matches that waited for their payment: their letterings are queued then,
  // and the next sync sends them (the shop letters only paid bills).
  services.bus.subscribe((name) => {
    if (name !== 'sync.finished') return;
    try {
      const billIds = closeWaitingMatches(db(), operatorName(db(), { transport: 'internal' }));
      if (billIds.length > 0) {
        services.logger.info('lettering: matches closed once their bills were paid', { bills: billIds.length });
        changed(billIds);
      }
    } catch (error) {
      // No site open, or a cache being rebuilt: the next sync tries again.
      services.logger.error('lettering: closing the matches that waited for a payment failed', { error });
    }
  });
  /** A file a window sent in chunks is read from its staged copy; a path only comes from the command line. */
  const readable = (source: LetteringSource, context: CallContext): ReadableSource =>
    'base64' in source ? source : { file: sourceFile(services.uploads, source, context) };
  return {
    'lettering.preview': ({ source }, context) => previewImport(db(), readable(source, context)),
    'lettering.import': ({ source, mapping, importId }, context) =>
      imports.run(importId, async (control) => {
        const site = db();
        const result = await importInvoices(site, { source: readable(source, context), mapping }, operatorName(site, context), control);
        services.logger.info('invoices imported for lettering', { ...result });
        // Imported: the staged copy has served. A refused file stays staged until the window discards it.
        if ('upload' in source) services.uploads.discard(source.upload);
        changed(null);
        return result;
      }),
    'lettering.cancelImport': ({ importId }) => ({ cancelled: imports.cancel(importId) }),
    'lettering.overview': () => readAtOnce(db(), letteringOverview),
    'lettering.match': (input, context) => {
      const id = createMatch(db(), input, operatorName(db(), context));
      changed(input.bills.map((b) => b.id));
      return listMatches(db(), '', 1_000_000).matches.find((m) => m.id === id)!;
    },
    'lettering.acceptExact': ({ keys }, context) => {
      const overview = letteringOverview(db());
      // Only what the operator was shown and confirmed, when the window says what that was.
      const shown = keys ? new Set(keys) : null;
      const suggestions = shown ? overview.suggestions.filter((s) => shown.has(s.key)) : overview.suggestions;
      const creditSuggestions = shown ? overview.creditSuggestions.filter((s) => shown.has(s.key)) : overview.creditSuggestions;
      const who = operatorName(db(), context);
      const result = acceptSuggestions(db(), suggestions, who);
      const creditNotes = acceptCreditSuggestions(db(), creditSuggestions, who);
      changed(result.billIds);
      return { accepted: result.accepted + creditNotes, bills: result.bills, creditNotes };
    },
    'lettering.matchCreditNote': (input, context) => {
      const id = matchCreditNote(db(), input, operatorName(db(), context));
      changed(null);
      return listMatches(db(), '', 1_000_000).matches.find((m) => m.id === id)!;
    },
    'lettering.unmatch': ({ id, note }, context) => {
      const billIds = unmatch(db(), id, note, operatorName(db(), context));
      changed(billIds);
      return { id };
    },
    'lettering.matches': ({ search, limit }) => listMatches(db(), search, limit),
    'lettering.log': ({ limit }) => readLog(db(), limit),
    'lettering.exportXlsx': ({ file, locale }) =>
      services.activeSite().snapshot((reader) => writeLetteringXlsx(reader, file, locale), { whole: false }),
    'lettering.exportFec': ({ file }) => services.activeSite().snapshot((reader) => writeLetteringFec(reader, file), { whole: false }),
  };
}
