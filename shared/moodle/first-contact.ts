import type { SiteCheck } from '../contract/profiles';

/**
 * What the site administrator must do before the back-office can work with a site, in the order they do it
 * (docs/moodle-plugin.md). Settings shows them for a new profile and ticks each one as "Test connection"
 * gets past it, so the operator can tell the administrator exactly which step is left.
 */
export const FIRST_CONTACT_STEPS = ['plugin', 'webServices', 'service', 'token'] as const;
export type FirstContactStep = (typeof FIRST_CONTACT_STEPS)[number];

/** done: the test got past it; failed: the test stopped there; unknown: the test did not get that far. */
export type StepState = 'done' | 'failed' | 'unknown';

/** What "Test connection" last said: its answer, or the code of the error it failed with. */
export type ConnectionOutcome = { check: SiteCheck } | { errorCode: string } | null;

type Steps = Record<FirstContactStep, StepState>;

const all = (state: StepState): Steps => ({ plugin: state, webServices: state, service: state, token: state });

/**
 * Each step's state after a connection test. The test reaches the site's web services first (site info), then
 * probes the plugin: an error of the first call says which early step failed, the check says the rest.
 */
export function firstContactSteps(outcome: ConnectionOutcome): Steps {
  if (outcome === null) return all('unknown');
  if ('errorCode' in outcome) {
    switch (outcome.errorCode) {
      case 'moodle_ws_disabled':
        return { ...all('unknown'), webServices: 'failed' };
      case 'moodle_invalid_token':
      case 'moodle_function_missing': // the token's user lacks webservice/rest:use
      case 'moodle_access_denied':
        return { ...all('unknown'), webServices: 'done', token: 'failed' };
      default:
        // The site could not be reached or did not answer as Moodle: the address is the problem, no step is.
        return all('unknown');
    }
  }
  const { shopPlugin, missingFunctions } = outcome.check;
  const serviceComplete = missingFunctions.every((f) => f.reason !== 'notInService');
  switch (shopPlugin.state) {
    case 'notInstalled':
      return { plugin: 'failed', webServices: 'done', service: 'unknown', token: 'done' };
    case 'noCapability':
      return { plugin: 'done', webServices: 'done', service: serviceComplete ? 'done' : 'failed', token: 'failed' };
    case 'failed':
      return { plugin: 'failed', webServices: 'done', service: 'unknown', token: 'done' };
    default:
      return { plugin: 'done', webServices: 'done', service: serviceComplete ? 'done' : 'failed', token: 'done' };
  }
}
