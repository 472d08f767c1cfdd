// @ts-check
// "Copy for the record": puts the plain-text record of the result
// (record.js) on the clipboard, for pasting into the patient's record or a
// referral form.  The text goes to this device's clipboard only.
//
// The Clipboard API exists only in a secure context (https, localhost; not a
// plain-http intranet, and not file:// in some engines), and a browser may
// still refuse it.  Then the same text is shown in a box, already selected,
// with how to copy it by hand.

import { h } from './dom.js';

const BOX_ID = 'copy-box';

function fallbackBox(anchor, text, why) {
  let box = document.getElementById(BOX_ID);
  if (!box) {
    const area = h('textarea', { id: 'copy-text', class: 'copy-text', readonly: true, rows: 14, spellcheck: 'false', 'aria-describedby': 'copy-how' });
    box = h('section', { id: BOX_ID, class: 'copy-box', 'aria-labelledby': 'copy-title' },
      h('h2', { id: 'copy-title' }, 'Text for the record'),
      h('p', { id: 'copy-how' }, ''),
      h('label', { class: 'visually-hidden', for: 'copy-text' }, 'Result as plain text'),
      area,
      h('button', { type: 'button', class: 'copy-close', onclick: () => { box.remove(); anchor.focus(); } }, 'Close'));
    anchor.closest('.toolbar').after(box);
  }
  box.querySelector('#copy-how').textContent = `${why} The text is selected below: copy it with Ctrl+C (Cmd+C on a Mac), ` +
    'or press and hold it on a phone or tablet, then paste it into the record.';
  const area = box.querySelector('textarea');
  area.value = text;
  area.focus();
  area.select();
}

/**
 * attachCopy({button, status, getText}): getText() resolves to the text of
 * the result now shown, or '' when there is none.
 */
export function attachCopy({ button, status, getText }) {
  button.addEventListener('click', async () => {
    const text = await getText();
    if (!text) { status.textContent = 'There is no result to copy.'; return; }
    const lines = text.split('\n').length - 1;
    if (window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText) {
      try {
        await navigator.clipboard.writeText(text);
        const old = document.getElementById(BOX_ID);
        if (old) old.remove();
        status.textContent = `Copied the result as plain text (${lines} lines) to this device's clipboard: paste it into the record or referral form.`;
        return;
      } catch (e) {
        fallbackBox(button, text, 'This browser did not allow the page to copy.');
        status.textContent = 'Copying was not allowed: the text is shown below, to copy by hand.';
        return;
      }
    }
    fallbackBox(button, text, 'This browser lets a page copy only when it is opened over https.');
    status.textContent = 'The text is shown below, to copy by hand.';
  });
}
