/**
 * Export to a file, import from one, and reset to defaults (with an undo):
 * each goes through the same checks as settings read from storage.
 */
import { readSettingsFile, settingsFileSizeProblem, settingsFileText } from '../common/settings-file';
import { DEFAULT_SETTINGS, type Settings } from '../common/settings';
import { loadSettings, saveSettings } from '../common/settings-storage';

export function setUpBackup(doc: Document): void {
  const status = doc.getElementById('backup-status')!;
  const fileInput = doc.getElementById('import-file') as HTMLInputElement;
  const undo = doc.getElementById('undo') as HTMLButtonElement;
  let before: Settings | undefined;

  /** Saves new settings, keeping this browser's sync choice, and offers to undo. */
  const replace = async (next: Settings, message: string) => {
    const { settings } = await loadSettings();
    before = settings;
    await saveSettings({ ...next, syncSettings: settings.syncSettings });
    status.textContent = message;
    undo.hidden = false;
  };

  doc.getElementById('export')!.addEventListener('click', async () => {
    const { stored } = await loadSettings();
    const now = new Date();
    const url = URL.createObjectURL(new Blob([settingsFileText(stored, now)], { type: 'application/json' }));
    const link = Object.assign(doc.createElement('a'), { href: url, download: `hcpcs-lens-settings-${now.toISOString().slice(0, 10)}.json` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.textContent = 'Settings exported.';
  });

  doc.getElementById('import')!.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    const tooLarge = settingsFileSizeProblem(file.size);
    if (tooLarge) {
      status.textContent = tooLarge;
      return;
    }
    const result = readSettingsFile(await file.text());
    if (!result.ok) {
      status.textContent = result.error;
      return;
    }
    const { settings, problems } = result.read;
    const fixed = problems.filter((p) => !p.startsWith('migrated'));
    await replace(settings, fixed.length > 0 ? `Imported ${file.name}, with defaults for what it got wrong: ${fixed.join('; ')}.` : `Imported ${file.name}.`);
  });

  doc.getElementById('reset')!.addEventListener('click', () => void replace({ ...DEFAULT_SETTINGS, sites: [] }, 'Settings reset to their defaults.'));

  undo.addEventListener('click', async () => {
    if (!before) return;
    await saveSettings(before);
    before = undefined;
    undo.hidden = true;
    status.textContent = 'Undone.';
  });
}

