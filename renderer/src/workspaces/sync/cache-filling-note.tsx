import type { CommandOutput } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import { hashOf } from '../../shell/workspaces';
import { useRunningSync } from './use-running-sync';

type Filling = NonNullable<CommandOutput<'bills.list'>['filling']>;

interface CacheFillingNoteProps {
  filling: Filling;
  /** What the list counts: 12,500 of 100,000 bills, or 37 found among them. */
  noun: 'bills' | 'customers';
  /** The list is filtered or searched: its count is a part of what was received. */
  filtered: boolean;
  /** How many the list holds. */
  count: number;
}

const keys: Readonly<
  Record<CacheFillingNoteProps['noun'], { of: MessageKey; some: MessageKey; among: MessageKey; amongSome: MessageKey }>
> = {
  bills: { of: 'filling.bills.of', some: 'filling.bills.some', among: 'filling.bills.among', amongSome: 'filling.bills.amongSome' },
  customers: {
    of: 'filling.customers.of',
    some: 'filling.customers.some',
    among: 'filling.customers.among',
    amongSome: 'filling.customers.amongSome',
  },
};

/**
 * A list read while a first sync fills the cache (or after one that did not finish) holds only what was
 * received: it says so where it says how many rows it has, "12,500 of 100,000 bills so far", and whether the
 * sync is still bringing the rest.
 */
export function CacheFillingNote({ filling, noun, filtered, count }: CacheFillingNoteProps) {
  const api = useApi();
  const { t, format } = useI18n();
  const running = useRunningSync(api) !== null;
  const words = keys[noun];
  const figures = {
    count: format.number(count),
    received: format.number(filling.received),
    expected: format.number(filling.expected ?? 0),
  };
  const so = filtered
    ? t(filling.expected === null ? words.amongSome : words.among, figures)
    : t(filling.expected === null ? words.some : words.of, figures);
  return (
    <span className="cache-filling-note">
      <strong>{so}</strong>{' '}
      {running ? (
        <a href={hashOf('sync')}>{t('filling.running')}</a>
      ) : (
        <>
          {t('filling.stopped')} <a href={hashOf('sync')}>{t('filling.resume')}</a>
        </>
      )}
    </span>
  );
}
