import { useT } from '../i18n/i18n-context';
import { hashOf } from './workspaces';

/** A workspace that reads the active site's data, when there is no site yet: where to set one up. */
export function NoSiteNotice({ text }: { text: string }) {
  const t = useT();
  return (
    <section className="workspace-section empty-state">
      <h2>{t('site.none.title')}</h2>
      <p>{text}</p>
      <p>
        <a className="button button-primary" href={hashOf('settings')}>
          {t('site.none.link')}
        </a>
      </p>
    </section>
  );
}
