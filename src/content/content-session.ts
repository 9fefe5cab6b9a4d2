/**
 * One session's life in one frame: the parts wired together, the settings
 * applied live, and one teardown (a single abort) when the extension is
 * updated, reloaded or removed under it. Starts when the bootstrap asks
 * (wake.ts) and takes over what it noted.
 */
import { ext as browser } from '../common/extension-api';
import { watchLoadedRelease } from '../common/loaded-release';
import { MAX_SELECTION_LENGTH, type ContentApi } from '../common/messages';
import { messageRouter } from '../common/message-router';
import { sendToBackground } from '../common/send';
import { siteAllowed } from '../common/host-pattern';
import { DEFAULT_SETTINGS, type Settings } from '../common/settings';
import { loadSettings, watchSettings } from '../common/settings-storage';
import { checkContentRequest, type ContentHandlers } from './content-requests';
import { frameHosts } from './frames/frame-hosts';
import { FrameRelay } from './frames/frame-relay';
import { HoverIntent } from './intent/hover-intent';
import { LookupClient } from './lookup-client';
import { MarkingSwitch } from './marking/marking-switch';
import { pageScanner } from './finding/page-scanner';
import { loadPart } from './parts/part-loader';
import { TooltipController } from './tooltip/tooltip-controller';
import { trusted } from './intent/trusted-events';
import { LazyTooltipView } from './tooltip/lazy-tooltip-view';
import { ServiceDates } from './service-date/service-dates';
import { extensionAlive, type Noted, type Session, type WindowEvents } from './wake';

export function startSession(win: Window, events: WindowEvents, noted?: Noted): Session {
  const doc = win.document;
  const abort = new AbortController();
  const { signal } = abort;
  let settings: Settings = DEFAULT_SETTINGS;
  let loaded = false;
  let hosts = frameHosts(win);
  const enabled = () => loaded && settings.enabled;
  const active = () => enabled() && hosts.every((h) => siteAllowed(settings.siteMode, settings.sites, h));

  const client = new LookupClient();
  const view = new LazyTooltipView(doc, { onClose: () => controller.hide(true) });
  const relay = new FrameRelay(win);
  const controller = new TooltipController({ win, client, view, relay, settings: () => settings });
  const marker = new MarkingSwitch(doc, client, () => view.hostElement, () => settings.checkDateOfService);
  const dates = new ServiceDates(() => settings, client);

  const teardown = () => {
    if (signal.aborted) return;
    abort.abort();
    marker.stop();
    view.remove();
  };
  const session: Session = { alive: () => !signal.aborted && extensionAlive(), teardown };

  const intent = new HoverIntent({ doc, client, controller, view, dates, settings: () => settings, active, alive: extensionAlive, onDead: teardown }, noted?.focus);
  intent.listen(events, signal);

  const apply = (next: Settings) => {
    const levelChanged = next.detailLevel !== settings.detailLevel;
    // Marks made with the date check on (or off) are made again.
    if (next.checkDateOfService !== settings.checkDateOfService) marker.stop();
    settings = next;
    loaded = true;
    if (levelChanged) client.forgetModels();
    view.setTheme(next.theme);
    if (!active()) controller.hide(true);
    if (active() && next.markCodes) marker.start();
    else marker.stop();
  };
  // Requests wait for the settings: a session started for a request has just begun reading them.
  // A frame's site rules include its tab's host, which only the worker knows for sure (frame-hosts.ts).
  const tabHost = relay.isTop ? undefined : sendToBackground('getTabHost', {}).then((r) => r.host, () => undefined);
  const ready = Promise.all([loadSettings(), tabHost]).then(
    ([read, host]) => {
      if (signal.aborted) return;
      hosts = frameHosts(win, host);
      apply(read.settings);
      // The date part, where the page may hold dates: there when the first dwell ends.
      if (active()) dates.prepare(doc);
      // A rest, a focused field or a held key the bootstrap saw goes on from where it was.
      if (noted) intent.resume(noted);
    },
    () => undefined,
  );
  watchSettings((next) => signal.aborted || apply(next), signal);
  // A release loaded or put back on the options page: answers from the one before are forgotten, marks made again.
  watchLoadedRelease(() => {
    client.forgetAll();
    controller.hide(true);
    if (active() && settings.markCodes) {
      marker.stop();
      marker.start();
    }
  }, signal);

  /** Top frame: a cross-origin frame's own tooltip waits for this page's next scroll (dismissOnScroll). */
  let scrollWatch: AbortController | undefined;
  const handlers: ContentHandlers = {
    async showSelectionLookup({ text }) {
      await ready;
      const lists = enabled() ? await loadPart('code-lists') : undefined;
      if (!lists) return { shown: false };
      const items = await lists.selectionItems(text, client, pageScanner);
      if (items.length === 0) return { shown: false };
      const shown = await controller.show(items, lists.selectionBox(doc), 'selection', `selection:${Date.now()}`);
      return { shown };
    },
    async listPageCodes() {
      await ready;
      const lists = enabled() ? await loadPart('code-lists') : undefined;
      if (enabled() && !lists) throw new Error('the page could not be read');
      return { codes: lists ? await lists.listPageCodes(doc, client, view.hostElement, pageScanner) : [] };
    },
    async showFrameTooltip(params) {
      await ready;
      return { shown: relay.isTop && active() ? await controller.showFromFrame(params) : false };
    },
    async hideTooltip() {
      const hidden = view.visible || controller.shown !== undefined;
      controller.hide(true);
      return { hidden };
    },
    async dismissOnScroll() {
      scrollWatch?.abort();
      const watch = new AbortController();
      scrollWatch = watch;
      const onScroll = trusted(() => {
        watch.abort();
        sendToBackground('dismissTooltips', {}).catch(() => undefined);
      });
      for (const type of ['scroll', 'resize']) win.addEventListener(type, onScroll, { capture: true, passive: true, signal: AbortSignal.any([signal, watch.signal]) });
      return { watching: true };
    },
    async showFocusedTooltip() {
      await ready;
      if (!enabled()) return { shown: false };
      if (await intent.lookupFocused()) return { shown: true };
      const text = doc.getSelection()?.toString() ?? '';
      return text.trim() ? handlers.showSelectionLookup({ text: text.slice(0, MAX_SELECTION_LENGTH) }) : { shown: false };
    },
    async hideFrameTooltip({ token, force }) {
      await ready;
      return { hidden: controller.hideFromFrame(token, force === true) };
    },
  };
  const listener = messageRouter<ContentApi, true>({
    origin: (sender) => (sender.id === browser.runtime.id ? true : undefined),
    check: checkContentRequest,
    handlers,
    answerBadRequests: false,
  });
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime?.onMessage.removeListener(listener), { once: true });

  return session;
}
