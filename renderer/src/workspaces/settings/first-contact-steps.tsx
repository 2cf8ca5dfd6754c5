import { FIRST_CONTACT_STEPS, firstContactSteps, type ConnectionOutcome } from '../../../../shared/moodle/first-contact';
import { useT } from '../../i18n/i18n-context';

const MARK = { done: '✓', failed: '✗', unknown: '○' } as const;

/**
 * For a new profile: what the site administrator sets up before the back-office can work, in their order,
 * each ticked as "Test connection" gets past it. The operator sees which step is left and can say so.
 */
export function FirstContactSteps({ outcome }: { outcome: ConnectionOutcome }) {
  const t = useT();
  const states = firstContactSteps(outcome);
  return (
    <section className="first-contact" aria-labelledby="first-contact-title">
      <h4 id="first-contact-title">{t('steps.title')}</h4>
      <p className="muted">{t('steps.intro')}</p>
      <ol className="first-contact-steps">
        {FIRST_CONTACT_STEPS.map((step) => (
          <li key={step} data-step={step} data-state={states[step]} className={`first-contact-step first-contact-${states[step]}`}>
            <span className="first-contact-mark" aria-hidden="true">
              {MARK[states[step]]}
            </span>{' '}
            <span>
              <strong>{t(`steps.${step}`)}</strong> <span className="badge">{t(`steps.state.${states[step]}`)}</span>
              <br />
              <span className="muted">{t(`steps.${step}.hint`)}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
