// Form helpers: labelled fields with an error slot each, and server errors (problem+json errors[].field) shown next
// to the field they name.
import { el, clear } from './dom.js';

let counter = 0;

/** A labelled control. spec: { name, label, type, required, hint, options, min, max, step, value, rows, accept, multiple }. */
export function field(prefix, spec) {
  const id = `${prefix}-${spec.name}-${++counter}`;
  const errorId = `${id}-error`;
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const common = { id, name: spec.name, required: spec.required, 'aria-describedby': describedBy };
  let control;
  if (spec.type === 'textarea') {
    control = el('textarea', { ...common, rows: spec.rows ?? 4 }, spec.value ?? '');
  } else if (spec.type === 'select') {
    control = el('select', common, (spec.options ?? []).map(([value, text]) => el('option', { value }, text)));
  } else if (spec.type === 'yesno') {
    const group = el('fieldset', { class: 'field', dataset: { field: spec.name } },
      el('legend', {}, spec.label, spec.required ? el('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : ''),
      ...spec.options.map(([value, text], i) => el('label', { class: 'choice' },
        el('input', { type: 'radio', name: spec.name, value, required: spec.required, checked: i === 0, 'aria-describedby': errorId }), ' ', text)),
      el('p', { class: 'field-error', id: errorId, role: 'alert', hidden: true }));
    return group;
  } else {
    control = el('input', { ...common, type: spec.type ?? 'text', min: spec.min, max: spec.max, step: spec.step, value: spec.value,
      accept: spec.accept, multiple: spec.multiple, autocomplete: spec.autocomplete, inputmode: spec.inputmode, pattern: spec.pattern, maxlength: spec.maxlength });
  }
  return el('div', { class: 'field', dataset: { field: spec.name } },
    el('label', { for: id }, spec.label, spec.required ? el('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : ''),
    spec.hint ? el('p', { class: 'hint', id: hintId }, spec.hint) : null,
    control,
    el('p', { class: 'field-error', id: errorId, role: 'alert', hidden: true }));
}

/** Shows one message under a field (by its name); false when the form has no such field. */
export function showFieldError(form, name, message) {
  const box = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  if (!box) return false;
  const slot = box.querySelector('.field-error');
  slot.textContent = message;
  slot.hidden = false;
  box.classList.add('has-error');
  box.querySelectorAll('input, select, textarea').forEach((c) => c.setAttribute('aria-invalid', 'true'));
  return true;
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((slot) => { slot.textContent = ''; slot.hidden = true; });
  form.querySelectorAll('.has-error').forEach((box) => box.classList.remove('has-error'));
  form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  const summary = form.querySelector('.error-summary');
  if (summary) { clear(summary); summary.hidden = true; }
}

/**
 * Shows errors [{ field, message }] next to their fields ('scores[0].score' goes to 'scores', unknown fields to the
 * summary), lists them all in the form's summary and moves focus there.
 */
export function showErrors(form, errors, title = 'Vui lòng sửa các lỗi sau:') {
  const summary = form.querySelector('.error-summary');
  const items = [];
  for (const error of errors) {
    const name = String(error.field ?? '').split(/[[.]/)[0];
    const placed = name && showFieldError(form, name, error.message);
    const control = placed ? form.querySelector(`[data-field="${CSS.escape(name)}"] input, [data-field="${CSS.escape(name)}"] select, [data-field="${CSS.escape(name)}"] textarea`) : null;
    items.push(el('li', {}, control ? el('a', { href: `#${control.id}` }, error.message) : error.message));
  }
  if (summary) {
    clear(summary).append(el('h3', {}, title), el('ul', {}, items));
    summary.hidden = false;
    summary.focus();
  }
}

export function errorSummary() {
  return el('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
}
