/**
 * Tooltips and marking in the viewer, from the content script's own parts:
 * the same hover intent (dwell, trigger key, Escape), the same detection
 * (code-at-point on the text layer, which text-layer-order.ts puts in visual
 * lines), the same tooltip and the same marker. An extension page is not a
 * web page: no bootstrap or session is injected here, so the parts are
 * wired directly, and the worker answers this page as it answers the popup.
 * The session's parts (content/parts/) are bundled with the viewer: each
 * registers itself as it is imported, so none is asked of the worker.
 * The site rules do not apply (the user opened the file here); turning the
 * extension off does.
 */
import { DEFAULT_SETTINGS, type Settings } from '../common/settings';
import { loadSettings, watchSettings } from '../common/settings-storage';
import { FrameRelay } from '../content/frames/frame-relay';
import { HoverIntent } from '../content/intent/hover-intent';
import { LookupClient } from '../content/lookup-client';
import { MarkingSwitch } from '../content/marking/marking-switch';
import '../content/parts/marking-part';
import '../content/parts/service-date-part';
import '../content/parts/tooltip-part';
import { ServiceDates } from '../content/service-date/service-dates';
import { LazyTooltipView } from '../content/tooltip/lazy-tooltip-view';
import { TooltipController } from '../content/tooltip/tooltip-controller';
import { windowEvents } from '../content/wake';

export interface ViewerSession {
  client: LookupClient;
  settings(): Settings;
  /** "Mark codes" in this viewer (starts as the setting says; the setting itself is not changed). */
  setMarking(on: boolean): void;
  readonly marking: boolean;
  /** Settings read (or changed): the viewer follows the theme. */
  onSettings(callback: (settings: Settings) => void): void;
}

export function startViewerSession(win: Window): ViewerSession {
  const doc = win.document;
  const { signal } = new AbortController();
  const events = windowEvents(win);
  let settings: Settings = DEFAULT_SETTINGS;
  let marking: boolean | undefined;
  const listeners: ((s: Settings) => void)[] = [];

  const client = new LookupClient();
  const view = new LazyTooltipView(doc, { onClose: () => controller.hide(true) });
  const relay = new FrameRelay(win);
  const controller = new TooltipController({ win, client, view, relay, settings: () => settings });
  const marker = new MarkingSwitch(doc, client, () => view.hostElement, () => settings.checkDateOfService);
  const active = () => settings.enabled;
  const intent = new HoverIntent({ doc, client, controller, view, dates: new ServiceDates(() => settings, client), settings: () => settings, active, alive: () => true, onDead: () => undefined });
  intent.listen(events, signal);

  const applyMarking = () => (marking && active() ? marker.start() : marker.stop());
  const apply = (next: Settings) => {
    if (next.detailLevel !== settings.detailLevel) client.forgetModels();
    // Marks made with the date check on (or off) are made again, as in pages.
    if (next.checkDateOfService !== settings.checkDateOfService) marker.stop();
    settings = next;
    marking ??= next.markCodes;
    view.setTheme(next.theme);
    if (!active()) controller.hide(true);
    applyMarking();
    for (const l of listeners) l(next);
  };
  void loadSettings().then((read) => apply(read.settings));
  watchSettings(apply, signal);

  return {
    client,
    settings: () => settings,
    get marking() {
      return marking === true;
    },
    setMarking(on) {
      marking = on;
      applyMarking();
    },
    onSettings(callback) {
      listeners.push(callback);
    },
  };
}
