/**
 * The toolbar button says when HCPCS Lens is turned off, so a clerk who
 * pressed the toggle shortcut by accident sees why tooltips stopped.
 */
import { ext as browser } from '../common/extension-api';
import { loadSettings, watchSettings } from '../common/settings-storage';
import type { Settings } from '../common/settings';
import { afterFirstAnswer } from './start-chores';

const TITLE = 'HCPCS Lens: search codes';

async function showEnabledState({ enabled }: Pick<Settings, 'enabled'>): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: enabled ? '' : 'off' }),
    browser.action.setBadgeBackgroundColor({ color: '#57606a' }),
    browser.action.setTitle({ title: enabled ? TITLE : 'HCPCS Lens is turned off: click to search codes or turn it on' }),
  ]);
}

export function registerActionBadge(): void {
  afterFirstAnswer(() => void loadSettings().then(({ settings }) => showEnabledState(settings)));
  watchSettings((settings) => void showEnabledState(settings));
}
