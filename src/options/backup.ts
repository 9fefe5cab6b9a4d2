/**
 * Export to a file, import from one, and reset to defaults (with an undo):
 * each goes through the same checks as settings read from storage. Each
 * deals in the user's own changes only: an organisation's policy values are
 * neither exported nor overridden by an import, and a reset returns to the
 * organisation's defaults.
 */
import { readSettingsFile, settingsFileSizeProblem, settingsFileText } from '../common/settings-file';
import type { Settings } from '../common/settings';
import { loadSettings, saveUserChanges } from '../common/settings-storage';

export function setUpBackup(doc: Document): void {
  const status = doc.getElementById('backup-status')!;
  const fileInput = doc.getElementById('import-file') as HTMLInputElement;
  const undo = doc.getElementById('undo') as HTMLButtonElement;
  let before: Partial<Settings> | undefined;

  /** Replaces the user's changes, keeping this browser's sync choice, and offers to undo. */
  const replace = async (next: Partial<Settings>, message: string) => {
    const { stored } = await loadSettings();
    before = stored.changed;
    const { syncSettings: _fromFile, ...rest } = next;
    await saveUserChanges(stored.changed.syncSettings === undefined ? rest : { ...rest, syncSettings: stored.changed.syncSettings });
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
    const { stored, problems } = result.read;
    const fixed = problems.filter((p) => !p.startsWith('migrated'));
    await replace(stored.changed, fixed.length > 0 ? `Imported ${file.name}, with defaults for what it got wrong: ${fixed.join('; ')}.` : `Imported ${file.name}.`);
  });

  doc.getElementById('reset')!.addEventListener('click', () => void replace({}, 'Settings reset to their defaults.'));

  undo.addEventListener('click', async () => {
    if (!before) return;
    await saveUserChanges(before);
    before = undefined;
    undo.hidden = true;
    status.textContent = 'Undone.';
  });
}

