import { single, type Description, type Keys, type SingleDescription, type ValidatedKeys } from './description';
import type { ServiceRecord, TokenRecord, UserRecord } from '../lib/records';
import type { MoodleSite } from '../site';

/** Who is calling: the token's user, the token and its service, on which site. */
export interface WsCall {
  readonly site: MoodleSite;
  readonly user: UserRecord;
  readonly token: TokenRecord;
  readonly service: ServiceRecord;
}

/**
 * A web service function the simulated site implements, in Moodle's shape: a parameters description (what
 * execute_parameters() returns), execute() running on already validated parameters, and a returns
 * description (execute_returns()) that shapes the answer. `null` returns means the answer is the literal null.
 */
export interface ExternalFunction {
  readonly name: string;
  /** Frankenstyle component; core_webservice_get_site_info lists the component's version beside each function. */
  readonly component: string;
  readonly parameters: SingleDescription;
  readonly returns: Description | null;
  execute(params: Record<string, unknown>, call: WsCall): unknown;
}

export interface ExternalFunctionDefinition<K extends Keys> {
  name: string;
  component: string;
  parameters: K;
  returns: Description | null;
  execute(params: ValidatedKeys<K>, call: WsCall): unknown;
}

/** Declares a function; its execute() receives parameters typed from the description. */
export function defineFunction<K extends Keys>(definition: ExternalFunctionDefinition<K>): ExternalFunction {
  return {
    name: definition.name,
    component: definition.component,
    parameters: single(definition.parameters),
    returns: definition.returns,
    // The REST server only calls execute() with what validate_parameters() produced from this description.
    execute: (params, call) => definition.execute(params as ValidatedKeys<K>, call),
  };
}

/**
 * The site's external_functions table. Besides implemented functions it knows names that exist in Moodle but
 * that the simulator does not implement: calling one outside the token's service gives `accessexception`
 * (capture 03, core_course_delete_courses) instead of the `invalidrecord` of a name Moodle does not have.
 */
export class FunctionRegistry {
  private readonly implemented = new Map<string, ExternalFunction>();
  private readonly known = new Map<string, string>();

  register(fn: ExternalFunction, options: { replace?: boolean } = {}): void {
    if (this.implemented.has(fn.name) && !options.replace) {
      throw new Error(`${fn.name} is already registered; pass { replace: true } to override it`);
    }
    this.implemented.set(fn.name, fn);
  }

  /** Names Moodle has (with their component), implemented or not. */
  declareKnown(names: Record<string, string>): void {
    for (const [name, component] of Object.entries(names)) this.known.set(name, component);
  }

  get(name: string): ExternalFunction | undefined {
    return this.implemented.get(name);
  }

  exists(name: string): boolean {
    return this.implemented.has(name) || this.known.has(name);
  }

  componentOf(name: string): string | undefined {
    return this.implemented.get(name)?.component ?? this.known.get(name);
  }

  names(): string[] {
    return [...this.implemented.keys()];
  }
}
