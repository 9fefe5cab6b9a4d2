/**
 * The options page: a plain form, autosaved by field name. Changes reach
 * open tabs through storage (content scripts watch it); the preview shows
 * the tooltip as it will look.
 */
import '../common/detail-view.css';
import './options.css';
import { applyTheme } from '../common/page-theme';
import type { Policy } from '../common/policy';
import type { Settings } from '../common/settings';
import { loadSettings, updateSettings, watchSettings } from '../common/settings-storage';
import { setUpBackup } from './backup';
import { setUpCmsData } from './cms-data';
import { fillForm, isSettingName, readField } from './form-fields';
import { showPolicy } from './policy-view';
import { makePreview } from './preview';
import { showShortcuts } from './shortcuts';

/** Typing in a text field saves once the user pauses, not on every key. */
const TYPING_SETTLE_MS = 400;

const form = document.getElementById('options') as HTMLFormElement;
const saveStatus = document.getElementById('save-status')!;
const preview = makePreview(document.getElementById('preview')!);
const timers = new Map<string, ReturnType<typeof setTimeout>>();
/** Fields whose save is under way: an earlier save's change event must not flip them back meanwhile. */
const saving = new Map<string, number>();

function show(settings: Settings, policy: Policy): void {
  applyTheme(document, settings.theme);
  // Locked settings show the policy's value: the form holds the settings in effect.
  showPolicy(document, form, policy);
  fillForm(form, settings, document.activeElement, saving);
  void preview(settings);
}

async function save(name: string): Promise<boolean> {
  if (!isSettingName(name)) return false;
  const read = readField(form, name);
  const error = document.getElementById(`${name}-error`);
  const control = form.elements.namedItem(name);
  if (error) {
    error.hidden = read.ok;
    error.textContent = read.ok ? '' : read.error;
  }
  if (control instanceof HTMLElement) control.setAttribute('aria-invalid', String(!read.ok));
  if (!read.ok) {
    saveStatus.textContent = 'Not saved: correct the field marked below.';
    return false;
  }
  saving.set(name, (saving.get(name) ?? 0) + 1);
  try {
    await updateSettings(() => ({ [name]: read.value }));
  } finally {
    const left = saving.get(name)! - 1;
    if (left > 0) saving.set(name, left);
    else saving.delete(name);
  }
  saveStatus.textContent = 'Saved';
  return true;
}

form.addEventListener('input', (event) => {
  const target = event.target as HTMLInputElement | HTMLTextAreaElement;
  const typing = target instanceof HTMLTextAreaElement || target.type === 'number';
  clearTimeout(timers.get(target.name));
  if (typing) timers.set(target.name, setTimeout(() => void save(target.name), TYPING_SETTLE_MS));
  else void save(target.name);
});
// Leaving a text field saves it at once (and shows it normalised).
form.addEventListener('change', (event) => {
  const target = event.target as HTMLInputElement | HTMLTextAreaElement;
  if (!(target instanceof HTMLTextAreaElement || target.type === 'number')) return;
  clearTimeout(timers.get(target.name));
  void save(target.name).then(async (saved) => saved && fillForm(form, (await loadSettings()).settings, null, saving));
});
form.addEventListener('submit', (event) => event.preventDefault());

setUpBackup(document);
setUpCmsData(document);
void showShortcuts(document.getElementById('shortcuts')!);
void loadSettings().then(({ settings, policy }) => show(settings, policy));
watchSettings(show);
