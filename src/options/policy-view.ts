/**
 * What an organisation's policy means on the options page: each locked
 * setting disabled, showing the policy's value, with "Set by your
 * organization" beside it; and a card naming the organisation and every
 * policy value the extension ignored, with the reason, so whoever reads the
 * page can tell IT what to fix.
 */
import { DEFAULT_SETTINGS, type SettingKey } from '../common/settings';
import { isLocked, lockedByText, type Policy } from '../common/policy';

/** The element a setting's note goes after: its fieldset, its checkbox's label, or its field. */
function fieldOf(form: HTMLFormElement, key: SettingKey): { controls: HTMLElement[]; field: Element | null } {
  const named = form.elements.namedItem(key);
  const controls = named instanceof RadioNodeList ? ([...named] as HTMLElement[]) : named instanceof HTMLElement ? [named] : [];
  const first = controls[0];
  const field = first?.closest('fieldset') ?? first?.closest('.field') ?? first?.closest('.choice') ?? null;
  return { controls, field };
}

function showLock(doc: Document, form: HTMLFormElement, key: SettingKey, policy: Policy): void {
  const { controls, field } = fieldOf(form, key);
  const locked = isLocked(policy, key);
  const noteId = `${key}-locked`;
  let note = doc.getElementById(noteId);
  if (locked && !note && field) {
    note = Object.assign(doc.createElement('p'), { id: noteId, className: 'locked-note' });
    if (field.matches('.choice')) field.after(note);
    else field.append(note);
  }
  if (note) {
    note.hidden = !locked;
    note.textContent = locked ? lockedByText(policy) : '';
  }
  for (const control of controls) {
    (control as HTMLInputElement).disabled = locked;
    const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== noteId);
    if (locked) described.push(noteId);
    if (described.length > 0) control.setAttribute('aria-describedby', described.join(' '));
    else control.removeAttribute('aria-describedby');
  }
}

export function showPolicy(doc: Document, form: HTMLFormElement, policy: Policy): void {
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) showLock(doc, form, key, policy);

  const card = doc.getElementById('policy')!;
  const managed = policy.locked.length > 0 || Object.keys(policy.values).length > 0 || policy.problems.length > 0 || policy.organization !== undefined;
  card.hidden = !managed;
  const who = policy.organization ?? 'your organization';
  doc.getElementById('policy-summary')!.textContent =
    policy.locked.length > 0
      ? `${policy.locked.length === 1 ? 'One setting is' : `${policy.locked.length} settings are`} set by ${who} and cannot be changed here. Import and reset leave them as they are.`
      : `Some defaults are set by ${who}; you may change them.`;
  const problems = doc.getElementById('policy-problems')!;
  problems.replaceChildren(...policy.problems.map((text) => Object.assign(doc.createElement('li'), { textContent: text })));
  doc.getElementById('policy-problems-head')!.hidden = policy.problems.length === 0;
}
