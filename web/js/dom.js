// @ts-check
// Tiny DOM helpers shared by the page's modules.  Everything is built with
// createElement and textContent (never innerHTML), so text from the core or
// from an imported file can never become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') el.textContent = String(value);
    else if (key === 'class') el.setAttribute('class', value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** h('p', {class: 'x'}, 'text', childNode, ...) */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** The DOM id of a question's container, from its contract field name. */
export function questionDomId(field) {
  return 'q-' + String(field).replace(/[^A-Za-z0-9_-]/g, '-');
}

// Writers that touch the document only when the value differs: a page that
// re-marks every question on each answer would otherwise make the browser
// restyle and lay out the whole form each time (issue 12: on a slow tablet
// that is most of the cost of an update).

/** el.hidden = hidden, only if it changes. @param {HTMLElement} el @param {boolean} hidden */
export function setHidden(el, hidden) {
  if (el.hidden !== hidden) el.hidden = hidden;
}

/** el.textContent = text, only if it changes. @param {Element} el @param {string} text */
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** An attribute set to value, or removed for null, only if it changes. @param {Element} el @param {string} name @param {string | null} value */
export function setAttr(el, name, value) {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}
