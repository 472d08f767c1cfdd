// @ts-check
// The page's words for the core's error messages (issue 10, "words for
// people").  The core writes for a JSON integrator ("true or false (or null
// for unknown)", field names such as flr_percent); a clinician at the form
// reads the question's label and "leave empty if unknown".  The mapping is by
// the error's kind (the core's "<reason>; accepted: <what>" form) and field;
// anything it does not recognise keeps the core's wording with the field
// names replaced by the questions' labels, so no error is ever hidden.

const REASONS = new Map([
  ['expected a number', 'This is not a number'],
  ['expected a whole number', 'This is not a whole number'],
  ['out of range', 'This is out of range'],
  ['expected true or false', 'Choose Yes, No or Unknown'],
  ['expected a text value', 'Choose one of the answers'],
]);

/** What a number question accepts, in the page's words. */
export function acceptedText(q) {
  const unit = q.unit ? ' ' + q.unit : '';
  const hasMin = typeof q.min === 'number';
  const hasMax = typeof q.max === 'number';
  const kind = q.type === 'integer' ? 'a whole number' : 'a number';
  if (hasMin && hasMax) {
    return q.min_exclusive ? `${kind} above ${q.min}, up to ${q.max}${unit}` : `${kind} from ${q.min} to ${q.max}${unit}`;
  }
  if (hasMin) return q.min_exclusive ? `${kind} above ${q.min}${unit}` : `${kind}, at least ${q.min}${unit}`;
  if (hasMax) return `${kind} up to ${q.max}${unit}`;
  return kind;
}

/** Field names (flr_percent, colorectal.ras) in a message, replaced by their labels. */
function labelled(text, questions) {
  let out = String(text);
  // only names that cannot be ordinary words (flr_percent, colorectal.ras): "primary" or
  // "presentation" in a sentence stay words
  const ids = [...questions.keys()].filter((id) => /[._]/.test(id)).sort((a, b) => b.length - a.length);
  for (const id of ids) {
    const q = questions.get(id);
    const re = new RegExp('(^|[^A-Za-z0-9_.])' + id.replace(/\./g, '\\.') + '(?![A-Za-z0-9_])', 'g');
    out = out.replace(re, (_, pre) => `${pre}“${q.label}”`);
  }
  return out;
}

/**
 * pageMessage(error, questions): the page's wording of one core error
 * ({field, message}); `questions` maps field ids to questionnaire questions.
 */
export function pageMessage(error, questions) {
  const q = questions.get(error.field);
  const msg = String(error.message || '');
  const m = /^(?:(.*?); )?accepted: (.*)$/.exec(msg);
  if (m && q) {
    const reason = m[1] === undefined ? 'This answer is not one of the choices' : REASONS.get(m[1]) || (/is not a known value$/.test(m[1]) ? 'This answer is not one of the choices' : labelled(m[1], questions));
    const sentence = reason.charAt(0).toUpperCase() + reason.slice(1);
    if (q.type === 'integer' || q.type === 'number') {
      return `${sentence}: enter ${acceptedText(q)}, or leave empty if unknown.`;
    }
    return `${sentence}: choose one of the answers shown, or Unknown.`;
  }
  let text = labelled(msg, questions).replace(/\s*\(or null for unknown\)/g, ' (leave empty if unknown)')
    .replace(/\(or null\)/g, '(or leave it out)');
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(text) ? text : text + '.';
}
