import type { Description, SingleDescription } from './description';
import { invalidParameter, isInvalidParameter } from './exceptions';
import { PARAM_BOOL, validateParam } from './param-types';
import type { PhpArray, PhpValue } from '../http/php-form';

/**
 * external_api::validate_parameters(): walks the description over the PHP-style request arrays. Errors nest
 * their reason in debuginfo the way Moodle does ("users => Invalid parameter value detected: Missing required
 * key in single structure: firstname"); multiple structures add no prefix of their own.
 */
export function validateParameters(description: Description, input: PhpValue): unknown {
  switch (description.kind) {
    case 'value': {
      if (input instanceof Map) throw invalidParameter('Scalar type expected, array or object received.');
      if (description.type === PARAM_BOOL && (input === '0' || input === '1')) return input === '1';
      const debuginfo = `Invalid external api parameter: the value is "${input}", the server was expecting "${description.type}" type`;
      return validateParam(input, description.type, description.allowNull, debuginfo);
    }
    case 'multiple': {
      if (!(input instanceof Map)) throw invalidParameter(`Only arrays accepted. The bad value is: '${input}'`);
      return [...input.values()].map((item) => validateParameters(description.content, item));
    }
    case 'single':
      return validateSingle(description, input);
    default: {
      const never: never = description;
      throw new Error(`Unknown description ${String(never)}`);
    }
  }
}

function validateSingle(description: SingleDescription, input: PhpValue): Record<string, unknown> {
  if (!(input instanceof Map)) throw invalidParameter(`Only arrays accepted. The bad value is: '${input}'`);
  const remaining: PhpArray = new Map(input);
  const result: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(description.keys)) {
    const item = remaining.get(key);
    if (item === undefined) {
      if (sub.required === 'required') throw invalidParameter(`Missing required key in single structure: ${key}`);
      if (sub.required === 'default') result[key] = sub.default;
      continue;
    }
    try {
      result[key] = validateParameters(sub, item);
    } catch (error) {
      if (isInvalidParameter(error)) throw invalidParameter(`${key} => ${error.message}: ${error.debuginfo ?? ''}`);
      throw error;
    }
    remaining.delete(key);
  }
  if (remaining.size > 0) throw invalidParameter(`Unexpected keys (${[...remaining.keys()].join(', ')}) detected in parameter array.`);
  return result;
}
