// @ts-check
// "What changed in this rule base": the clinical change log (docs/CHANGES.md,
// turned into changes.json by scripts/lib/changes-md.mjs at build time) shown
// in the page's footer, like a guideline publisher's summary of updates.  It
// is loaded the first time the section is opened.  Every text goes in with
// textContent (via h()); `code` and **bold** become <code> and <strong>.

import { h } from './dom.js';

/** The change log: the single file's data block, or changes.json beside the page. */
export async function loadChanges() {
  const inline = document.getElementById('livermets-changes');
  if (inline) return JSON.parse(inline.textContent);
  const res = await fetch(new URL('../changes.json', import.meta.url), { credentials: 'omit', cache: 'no-cache' });
  if (!res.ok) throw new Error('changes.json: HTTP ' + res.status);
  return res.json();
}

/** Inline `code` and **bold** as elements; everything else as text. */
function inline(text) {
  return String(text).split(/(`[^`]+`|\*\*[^*]+\*\*)/).filter(Boolean).map((part) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2) return h('code', {}, part.slice(1, -1));
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return h('strong', {}, part.slice(2, -2));
    return part;
  });
}

const paras = (notes) => (notes || []).map((t) => h('p', {}, inline(t)));

/** Draws the log into container; the version in use is marked. */
export function renderChanges(container, doc, currentVersion) {
  container.textContent = '';
  container.append(...paras(doc.intro));
  for (const v of doc.versions || []) {
    const current = v.version === currentVersion;
    container.append(h('section', { class: 'changes-version', dataset: { version: v.version } },
      h('h3', {}, 'Rule base ', v.version, v.date ? ' (' + v.date + ')' : '',
        current ? h('span', { class: 'changes-current' }, ' \u00b7 in use on this page') : null),
      paras(v.notes),
      (v.groups || []).map((g) => [
        g.title ? h('h4', {}, inline(g.title)) : null,
        paras(g.notes),
        g.items && g.items.length ? h('ul', {}, g.items.map((it) => h('li', {}, inline(it)))) : null,
      ])));
  }
}

/**
 * attachChanges(details, currentVersion): fills the <details> element the
 * first time it opens, and opens it from any link to its id.
 */
export function attachChanges(details, currentVersion) {
  if (!details) return;
  const body = details.querySelector('.changes-body');
  let loaded = null;
  const load = () => {
    if (!loaded) {
      loaded = loadChanges()
        .then((doc) => renderChanges(body, doc, currentVersion))
        .catch((e) => {
          loaded = null;  // try again on the next opening
          body.textContent = 'The change log could not be loaded (' + (e && e.message ? e.message : e) + ').';
        });
    }
    return loaded;
  };
  details.addEventListener('toggle', () => { if (details.open) load(); });
  // a link to the section opens it and brings it into view once it is drawn
  document.querySelectorAll(`a[href="#${details.id}"]`).forEach((a) => a.addEventListener('click', async (e) => {
    e.preventDefault();
    details.open = true;
    await load();
    details.scrollIntoView({ block: 'start' });
    details.querySelector('summary').focus({ preventScroll: true });
  }));
}
