import { describe, expect, it } from 'vitest';
import { parsePhpForm, type PhpArray, type PhpValue } from './php-form';

/** Plain objects for readable expectations (Maps keep PHP's order, which the entries' order shows). */
function plain(value: PhpValue): unknown {
  return value instanceof Map ? [...(value as PhpArray).entries()].map(([k, v]) => [k, plain(v)]) : value;
}

describe('PHP form reading', () => {
  it('nests bracketed keys in the order they came, like $_POST', () => {
    const { values } = parsePhpForm([
      ['users[1][username]', 'b'],
      ['users[0][username]', 'a'],
      ['users[0][customfields][0][type]', 'company'],
      ['wstoken', 't'],
    ]);
    expect(plain(values)).toEqual([
      [
        'users',
        [
          ['1', [['username', 'b']]],
          [
            '0',
            [
              ['username', 'a'],
              ['customfields', [['0', [['type', 'company']]]]],
            ],
          ],
        ],
      ],
      ['wstoken', 't'],
    ]);
  });

  it('appends with [], turns dots and spaces of the top-level name into underscores, keeps the last duplicate', () => {
    const { values } = parsePhpForm([
      ['ids[]', '4'],
      ['ids[]', '5'],
      ['a.b c', 'x'],
      ['dup', '1'],
      ['dup', '2'],
      ['open[bracket', 'y'],
    ]);
    expect(plain(values)).toEqual([
      [
        'ids',
        [
          ['0', '4'],
          ['1', '5'],
        ],
      ],
      ['a_b_c', 'x'],
      ['dup', '2'],
      ['open_bracket', 'y'],
    ]);
  });

  it('drops the fields past max_input_vars, as PHP does without telling the application', () => {
    const fields: [string, string][] = Array.from({ length: 5 }, (_, i) => [`v[${i}]`, String(i)]);
    const { values, dropped } = parsePhpForm(fields, 3);
    expect(dropped).toBe(2);
    expect(plain(values)).toEqual([
      [
        'v',
        [
          ['0', '0'],
          ['1', '1'],
          ['2', '2'],
        ],
      ],
    ]);
  });
});
