import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Modal } from './modal';

/**
 * What the modal puts in the page before its effect opens it (no DOM here: the opening, Escape and the focus
 * given back are the browser's, and the e2e tests see them). The markup is what the e2e tests and screen
 * readers find: a <dialog> labelled, never open by attribute (that would make it a non-modal dialog).
 */
const onClose = () => {};

describe('Modal', () => {
  it('is a <dialog> labelled by its heading and described by its question', () => {
    const html = renderToStaticMarkup(
      createElement(
        Modal,
        { labelledBy: 'r1-title', describedBy: 'r1-body', className: 'dialog', onClose },
        createElement('h2', { id: 'r1-title' }, 'Remove?'),
      ),
    );
    expect(html).toBe(
      '<dialog class="dialog" aria-labelledby="r1-title" aria-describedby="r1-body"><h2 id="r1-title">Remove?</h2></dialog>',
    );
  });

  it('is labelled by a text when it has no heading, and keeps the attributes it is given', () => {
    // As JSX passes it: a data- attribute is not one of the props, and goes to the <dialog> as it is.
    const props = { label: 'Go to', className: 'dialog palette', 'data-keyboard': 'palette', lang: 'fr', onClose };
    const html = renderToStaticMarkup(createElement(Modal, props));
    expect(html).toBe('<dialog class="dialog palette" data-keyboard="palette" lang="fr" aria-label="Go to"></dialog>');
  });
});
