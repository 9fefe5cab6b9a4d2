/**
 * The footer switch "Show tooltips on <site>" for the page the popup was
 * opened over, and the banner shown while HCPCS Lens is turned off everywhere.
 */
import { siteHost, siteState, toggleSite } from '../common/site-toggle';
import type { Settings } from '../common/settings';
import { updateSettings } from '../common/settings-storage';

export function setUpSiteControl(doc: Document, tabUrl: string | undefined): (settings: Settings) => void {
  const host = siteHost(tabUrl);
  const box = doc.getElementById('site')!;
  const checkbox = doc.getElementById('site-enabled') as HTMLInputElement;
  const note = doc.getElementById('site-note')!;
  const banner = doc.getElementById('off-banner')!;
  doc.getElementById('turn-on')!.addEventListener('click', () => void updateSettings(() => ({ enabled: true })));

  const showCovered = (coveredBy: string[], allowed: boolean) => {
    note.textContent = coveredBy.length > 0 ? `${allowed ? 'Shown' : 'Not shown'} here because of the site rule ${coveredBy.map((p) => `“${p}”`).join(', ')} in Options.` : '';
  };
  if (host) {
    doc.getElementById('site-host')!.textContent = host;
    box.hidden = false;
    checkbox.addEventListener('change', () => {
      void updateSettings((s) => ({ sites: toggleSite(s, host, checkbox.checked).sites }));
    });
  }

  return (settings) => {
    banner.hidden = settings.enabled;
    if (!host) return;
    const state = siteState(settings, host);
    checkbox.checked = state.allowed;
    showCovered(state.coveredBy, state.allowed);
  };
}
