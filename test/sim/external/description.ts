import type { ParamType, PhpScalar } from './param-types';

/**
 * External function descriptions, written like Moodle's external_value / external_single_structure /
 * external_multiple_structure so a description can be copied from Moodle's PHP almost line by line.
 * The same description validates parameters (validate-parameters.ts), shapes the JSON answer and orders the XML
 * answer (clean-returnvalue.ts, response-format.ts); the parameter types are inferred from it (Validated<>).
 */
export const VALUE_REQUIRED = 'required';
export const VALUE_OPTIONAL = 'optional';
export const VALUE_DEFAULT = 'default';
export type Requirement = typeof VALUE_REQUIRED | typeof VALUE_OPTIONAL | typeof VALUE_DEFAULT;

/** What a parameter or a return value may hold once validated or cleaned. */
export type DefaultValue = PhpScalar | null | readonly unknown[];

export interface ValueDescription<T extends ParamType = ParamType, R extends Requirement = Requirement> {
  readonly kind: 'value';
  readonly type: T;
  readonly desc: string;
  readonly required: R;
  readonly default: DefaultValue | undefined;
  readonly allowNull: boolean;
}

export interface Keys {
  readonly [key: string]: Description;
}

export interface SingleDescription<K extends Keys = Keys, R extends Requirement = Requirement> {
  readonly kind: 'single';
  readonly keys: K;
  readonly desc: string;
  readonly required: R;
  readonly default: DefaultValue | undefined;
}

export interface MultipleDescription<C extends Description = Description, R extends Requirement = Requirement> {
  readonly kind: 'multiple';
  readonly content: C;
  readonly desc: string;
  readonly required: R;
  readonly default: DefaultValue | undefined;
}

export type Description = ValueDescription | SingleDescription | MultipleDescription;

/** external_value($type, $desc, $required = VALUE_REQUIRED, $default = null, $allownull = NULL_ALLOWED) */
export function value<T extends ParamType, R extends Requirement = typeof VALUE_REQUIRED>(
  type: T,
  desc = '',
  required?: R,
  defaultValue?: DefaultValue,
  allowNull = true,
): ValueDescription<T, R> {
  return { kind: 'value', type, desc, required: (required ?? VALUE_REQUIRED) as R, default: defaultValue, allowNull };
}

/** external_single_structure($keys, $desc, $required = VALUE_REQUIRED, $default = null) */
export function single<K extends Keys, R extends Requirement = typeof VALUE_REQUIRED>(
  keys: K,
  desc = '',
  required?: R,
  defaultValue?: DefaultValue,
): SingleDescription<K, R> {
  return { kind: 'single', keys, desc, required: (required ?? VALUE_REQUIRED) as R, default: defaultValue };
}

/** external_multiple_structure($content, $desc, $required = VALUE_REQUIRED, $default = null) */
export function multiple<C extends Description, R extends Requirement = typeof VALUE_REQUIRED>(
  content: C,
  desc = '',
  required?: R,
  defaultValue?: DefaultValue,
): MultipleDescription<C, R> {
  return { kind: 'multiple', content, desc, required: (required ?? VALUE_REQUIRED) as R, default: defaultValue };
}

/** external_format_value($textfieldname, $required = VALUE_REQUIRED, $default = FORMAT_HTML) */
export function formatValue<R extends Requirement = typeof VALUE_REQUIRED>(field: string, required?: R): ValueDescription<'int', R> {
  return value('int', `${field} format`, required, 1);
}

/** The warnings structure most functions return (external_warnings). */
export function warnings() {
  return multiple(
    single({
      item: value('text', 'item', VALUE_OPTIONAL),
      itemid: value('int', 'item id', VALUE_OPTIONAL),
      warningcode: value('alphanum', 'the warning code can be used by the client app to implement specific behaviour'),
      message: value('raw', 'untranslated english message to explain the warning'),
    }),
    'list of warnings',
    VALUE_OPTIONAL,
  );
}

type ScalarOf<T extends ParamType> = T extends 'int' | 'float' ? number : T extends 'bool' ? boolean : string;

type OptionalKeys<K extends Keys> = { [P in keyof K]: K[P]['required'] extends typeof VALUE_OPTIONAL ? P : never }[keyof K];

/** The parameters of a description once validated: optional keys may be absent, defaults are filled in. */
export type ValidatedKeys<K extends Keys> = { [P in Exclude<keyof K, OptionalKeys<K>>]: Validated<K[P]> } & {
  [P in OptionalKeys<K>]?: Validated<K[P]>;
};

export type Validated<D> =
  D extends ValueDescription<infer T, Requirement>
    ? ScalarOf<T>
    : D extends MultipleDescription<infer C, Requirement>
      ? Validated<C>[]
      : D extends SingleDescription<infer K, Requirement>
        ? ValidatedKeys<K>
        : never;
