/**
 * The footer switch "Show tooltips on <site>" for the page the popup was
 * opened over, and the banner shown while HCPCS Lens is turned off everywhere.
 * Where an organisation's policy locks the site rules (or turns HCPCS Lens
 * off), the switch is disabled and says so.
 */
import { isLocked, lockedByText, type Policy } from '../common/policy';
import { siteHost, siteState, toggleSite } from '../common/site-toggle';
import type { Settings } from '../common/settings';
import { updateSettings } from '../common/settings-storage';

export function setUpSiteControl(doc: Document, tabUrl: string | undefined): (settings: Settings, policy: Policy) => void {
  const host = siteHost(tabUrl);
  const box = doc.getElementById('site')!;
  const checkbox = doc.getElementById('site-enabled') as HTMLInputElement;
  const note = doc.getElementById('site-note')!;
  const banner = doc.getElementById('off-banner')!;
  const turnOn = doc.getElementById('turn-on') as HTMLButtonElement;
  turnOn.addEventListener('click', () => void updateSettings(() => ({ enabled: true })));

  const coveredText = (coveredBy: string[], allowed: boolean) =>
    coveredBy.length > 0 ? `${allowed ? 'Shown' : 'Not shown'} here because of the site rule ${coveredBy.map((p) => `“${p}”`).join(', ')} in Options.` : '';
  if (host) {
    doc.getElementById('site-host')!.textContent = host;
    checkbox.addEventListener('change', () => {
      void updateSettings((s) => ({ sites: toggleSite(s, host, checkbox.checked).sites }));
    });
  }

  return (settings, policy) => {
    banner.hidden = settings.enabled;
    // Turned off by the organisation: the button could not turn it on.
    turnOn.hidden = isLocked(policy, 'enabled');
    if (!host) return;
    // Shown once its state is known: an unticked box before the settings are read would say the site is off.
    box.hidden = false;
    const state = siteState(settings, host);
    const locked = isLocked(policy, 'siteMode') || isLocked(policy, 'sites');
    checkbox.checked = state.allowed;
    checkbox.disabled = locked;
    note.textContent = locked ? `${lockedByText(policy)}: the sites HCPCS Lens runs on cannot be changed here.` : coveredText(state.coveredBy, state.allowed);
  };
}
