/** The "toggle-enabled" keyboard command (Alt+Shift+J): turns HCPCS Lens off or on everywhere. */
import { ext as browser } from '../common/extension-api';
import { updateSettings } from '../common/settings-storage';

const TOGGLE_COMMAND = 'toggle-enabled';

async function toggleEnabled(): Promise<boolean> {
  return (await updateSettings((s) => ({ enabled: !s.enabled }))).enabled;
}

export function registerToggleCommand(): void {
  browser.commands.onCommand.addListener((command) => {
    if (command === TOGGLE_COMMAND) void toggleEnabled();
  });
}
