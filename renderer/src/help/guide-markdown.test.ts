import { describe, expect, it } from 'vitest';
import english from '../../../docs/user-guide.md?raw';
import french from '../../../docs/user-guide.fr.md?raw';
import { frenchSpacing, parseGuide, parseInline } from './guide-markdown';

describe('the user guide', () => {
  it('reads headings, paragraphs, lists going on over several lines, and inline forms as data', () => {
    const blocks = parseGuide(
      '# Title\n\nSome **bold** and `code`,\nthen *this*.\n\n- one\n  goes on\n- <b>two</b>\n\n1. first\n2. second\n',
      'en',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, inline: [{ kind: 'text', text: 'Title' }] },
      {
        kind: 'paragraph',
        inline: [
          { kind: 'text', text: 'Some ' },
          { kind: 'strong', text: 'bold' },
          { kind: 'text', text: ' and ' },
          { kind: 'code', text: 'code' },
          { kind: 'text', text: ', then ' },
          { kind: 'em', text: 'this' },
          { kind: 'text', text: '.' },
        ],
      },
      // Markup in the file stays text.
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'one goes on' }], [{ kind: 'text', text: '<b>two</b>' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'first' }], [{ kind: 'text', text: 'second' }]] },
    ]);
    expect(parseInline('a ** b')).toEqual([{ kind: 'text', text: 'a ** b' }]);
  });

  it('puts French no-break spaces before high punctuation', () => {
    expect(frenchSpacing('Touches : F1 ; « ici » ?')).toBe('Touches\u00a0: F1\u00a0; «\u00a0ici\u00a0»\u00a0?');
  });

  it('exists in both languages, with the same sections: lettering, production, the workspaces, the keys', () => {
    const headings = (markdown: string, language: 'fr' | 'en') =>
      parseGuide(markdown, language).filter((block) => block.kind === 'heading').length;
    expect(headings(english, 'en')).toBe(headings(french, 'fr'));
    expect(english).toMatch(/## Lettering/);
    expect(english).toMatch(/## Production/);
    expect(french).toMatch(/## Le lettrage/);
    expect(french).toMatch(/## La mise en place/);
    for (const markdown of [english, french]) expect(markdown).toContain('F1');
  });
});
