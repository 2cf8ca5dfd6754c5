import { invalidParameter } from './exceptions';

/**
 * Moodle's PARAM_* types, and clean_param()/validate_param() for the ones the simulated functions use.
 * validate_param() accepts a value only when cleaning leaves it unchanged (compared as PHP strings), which is
 * why `courseid=abc` fails PARAM_INT and `Bo.Upper` fails PARAM_USERNAME: the reason is in debuginfo only.
 */
export const PARAM_INT = 'int';
export const PARAM_FLOAT = 'float';
export const PARAM_BOOL = 'bool';
export const PARAM_RAW = 'raw';
export const PARAM_RAW_TRIMMED = 'raw_trimmed';
export const PARAM_TEXT = 'text';
export const PARAM_NOTAGS = 'notags';
export const PARAM_ALPHA = 'alpha';
export const PARAM_ALPHAEXT = 'alphaext';
export const PARAM_ALPHANUM = 'alphanum';
export const PARAM_ALPHANUMEXT = 'alphanumext';
export const PARAM_SEQUENCE = 'sequence';
export const PARAM_USERNAME = 'username';
export const PARAM_EMAIL = 'email';
export const PARAM_PLUGIN = 'plugin';
export const PARAM_COMPONENT = 'component';
export const PARAM_SAFEDIR = 'safedir';
export const PARAM_LANG = 'lang';
export const PARAM_THEME = 'theme';
export const PARAM_TIMEZONE = 'timezone';
export const PARAM_URL = 'url';
export const PARAM_CAPABILITY = 'capability';

export type ParamType =
  | typeof PARAM_INT
  | typeof PARAM_FLOAT
  | typeof PARAM_BOOL
  | typeof PARAM_RAW
  | typeof PARAM_RAW_TRIMMED
  | typeof PARAM_TEXT
  | typeof PARAM_NOTAGS
  | typeof PARAM_ALPHA
  | typeof PARAM_ALPHAEXT
  | typeof PARAM_ALPHANUM
  | typeof PARAM_ALPHANUMEXT
  | typeof PARAM_SEQUENCE
  | typeof PARAM_USERNAME
  | typeof PARAM_EMAIL
  | typeof PARAM_PLUGIN
  | typeof PARAM_COMPONENT
  | typeof PARAM_SAFEDIR
  | typeof PARAM_LANG
  | typeof PARAM_THEME
  | typeof PARAM_TIMEZONE
  | typeof PARAM_URL
  | typeof PARAM_CAPABILITY;

export type PhpScalar = string | number | boolean;

/** The language packs and themes installed on the simulated site (PARAM_LANG and PARAM_THEME check them). */
const INSTALLED_LANGS = new Set(['en']);
const INSTALLED_THEMES = new Set(['boost', 'classic']);

/** PHP's (string) cast. */
export function phpString(value: PhpScalar): string {
  if (typeof value === 'boolean') return value ? '1' : '';
  return String(value);
}

/** PHP's (int) cast of a string: leading blanks, a sign and digits; anything else stops the number. */
export function phpIntval(value: PhpScalar): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  const match = /^[ \t\n\r\v\f]*([+-]?\d+)(?:\.\d*)?(?:[eE]([+-]?\d+))?/.exec(value);
  if (!match) return 0;
  const mantissa = Number(match[1]);
  return match[2] === undefined ? mantissa : Math.trunc(Number(match[0].trim()));
}

function stripTags(value: string, keep: RegExp | null = null): string {
  return value.replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<!--[\s\S]*?-->/g, (tag, name: string | undefined) =>
    keep && name && keep.test(name) ? tag : '',
  );
}

const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

const PLUGIN_NAME = /^[a-z](?:[a-z0-9_](?!__))*[a-z0-9]+$/;

/** clean_param(): what Moodle keeps of a value for a type. */
export function cleanParam(value: PhpScalar, type: ParamType): PhpScalar {
  const text = phpString(value);
  switch (type) {
    case PARAM_RAW:
      return value;
    case PARAM_RAW_TRIMMED:
      return text.trim();
    case PARAM_INT:
      return phpIntval(value);
    case PARAM_FLOAT:
      return Number.parseFloat(text) || 0;
    case PARAM_BOOL: {
      const lower = text.toLowerCase();
      if (['on', 'yes', 'true'].includes(lower)) return 1;
      if (['off', 'no', 'false'].includes(lower)) return 0;
      return text === '' || text === '0' ? 0 : 1;
    }
    case PARAM_TEXT:
      // Multilang tags survive PARAM_TEXT; every other tag is stripped.
      return stripTags(text, /^(lang|span)$/i);
    case PARAM_NOTAGS:
      return stripTags(text);
    case PARAM_ALPHA:
      return text.replace(/[^a-zA-Z]/g, '');
    case PARAM_ALPHAEXT:
      return text.replace(/[^a-zA-Z_-]/g, '');
    case PARAM_ALPHANUM:
      return text.replace(/[^A-Za-z0-9]/g, '');
    case PARAM_ALPHANUMEXT:
      return text.replace(/[^A-Za-z0-9_-]/g, '');
    case PARAM_SEQUENCE:
      return text.replace(/[^0-9,]/g, '');
    case PARAM_USERNAME:
      // $CFG->extendedusernamechars is off on a default site: lowercase letters, digits and - . @ _ only.
      return text
        .trim()
        .toLowerCase()
        .replace(/[^-.@_a-z0-9]/g, '');
    case PARAM_EMAIL:
      return isValidEmail(text) ? text : '';
    case PARAM_PLUGIN:
    case PARAM_COMPONENT:
      return text === '' || PLUGIN_NAME.test(text) ? text : '';
    case PARAM_SAFEDIR:
      return text.replace(/[^a-zA-Z0-9_-]/g, '');
    case PARAM_LANG: {
      const lang = text.replace(/[^a-zA-Z0-9_-]/g, '');
      return INSTALLED_LANGS.has(lang) ? lang : '';
    }
    case PARAM_THEME:
      return INSTALLED_THEMES.has(text) ? text : '';
    case PARAM_TIMEZONE:
      return text.replace(/[^a-zA-Z0-9_+\-/.]/g, '');
    case PARAM_URL:
      return text === '' || /^[a-z][a-z0-9+.-]*:\/\/[^\s<>"]+$/i.test(text) || /^\/[^\s<>"]*$/.test(text) ? text : '';
    case PARAM_CAPABILITY:
      return /^[a-z0-9_]+\/[a-z0-9_]+:[a-z0-9_]+$/.test(text) ? text : '';
    default: {
      const never: never = type;
      throw new Error(`Unknown PARAM type ${String(never)}`);
    }
  }
}

/** validate_param(): the cleaned value, or invalid_parameter_exception when cleaning would change it. */
export function validateParam(value: PhpScalar | null, type: ParamType, allowNull: boolean, debuginfo: string): PhpScalar | null {
  if (value === null) {
    if (allowNull) return null;
    throw invalidParameter(debuginfo);
  }
  const cleaned = cleanParam(value, type);
  if (type === PARAM_FLOAT) {
    if (typeof value === 'string' && !/^[+-]?[0-9]*\.?[0-9]*(e[-+]?[0-9]+)?$/i.test(value.trim())) throw invalidParameter(debuginfo);
    if (typeof value === 'string' && value.trim() === '') throw invalidParameter(debuginfo);
  } else if (phpString(value) !== phpString(cleaned)) {
    throw invalidParameter(debuginfo);
  }
  return cleaned;
}

/** PHP's empty(): what Moodle's `!empty($details[$field])` filters out. */
export function phpEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    value === 0 ||
    value === '0' ||
    value === false ||
    (Array.isArray(value) && value.length === 0)
  );
}
