/**
 * The options form is autosaved by field name: each control is named after
 * the setting it holds. This file reads one setting out of the form, and
 * writes settings into it.
 */
import { DEFAULT_SETTINGS, isValidSetting, type SettingKey, type Settings } from '../common/settings';
import { parseSiteList } from '../common/site-list';

export type FieldRead = { ok: true; value: Settings[SettingKey] } | { ok: false; error: string };

export function isSettingName(name: string): name is SettingKey {
  return Object.hasOwn(DEFAULT_SETTINGS, name);
}

export function readField(form: HTMLFormElement, name: SettingKey): FieldRead {
  const control = form.elements.namedItem(name);
  let value: unknown;
  if (control instanceof RadioNodeList) value = control.value;
  else if (control instanceof HTMLInputElement && control.type === 'checkbox') value = control.checked;
  else if (control instanceof HTMLInputElement && control.type === 'number') value = control.value === '' ? NaN : Number(control.value);
  else if (control instanceof HTMLTextAreaElement && name === 'sites') {
    const { sites, errors } = parseSiteList(control.value);
    if (errors.length > 0) return { ok: false, error: errors.join(' ') };
    value = sites;
  } else if (control instanceof HTMLSelectElement || control instanceof HTMLInputElement) value = control.value;
  if (!isValidSetting(name, value)) {
    return { ok: false, error: name === 'hoverDelayMs' ? 'Enter a whole number of milliseconds from 0 to 2000.' : 'This value cannot be used.' };
  }
  return { ok: true, value };
}

/** Shows settings in the form, leaving alone the field the user is editing. */
export function fillForm(form: HTMLFormElement, settings: Settings, editing: Element | null, saving: ReadonlyMap<string, unknown> = new Map()): void {
  for (const name of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
    // A value being saved is newer than any settings read or change event that comes before its write.
    if (saving.has(name)) continue;
    const control = form.elements.namedItem(name);
    const value = settings[name];
    if (control instanceof RadioNodeList) {
      control.value = String(value);
    } else if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      control.checked = value === true;
    } else if (control && control !== editing && (control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement)) {
      const text = Array.isArray(value) ? value.join('\n') : String(value);
      if (control.value !== text) control.value = text;
    }
  }
}
