/**
 * The background worker: answers requests from the extension's own pages
 * and content scripts. It talks to the browser API directly (common/
 * extension-api.ts), not through webextension-polyfill: Manifest V3 APIs
 * return promises in Chrome and Firefox alike, and the polyfill cost every
 * cold start 1.5 ms of evaluation and its first API call ~2 ms more.
 */
import { ext as browser } from '../common/extension-api';
import type { BackgroundApi } from '../common/messages';
import { messageRouter } from '../common/message-router';
import { injectPart, injectSession, sendToSession } from '../common/session-script';
import { sendToTab } from '../common/send';
import { registerActionBadge } from './action-badge';
import { getLookup, getLookupFor, releaseChanged, releaseSource } from './dataset-source';
import { createHandlers, type RequestOrigin } from './handlers';
import { createHistoryLoader } from './history-loader';
import { injectIntoOpenTabs } from './inject-open-tabs';
import { registerPolicyMirror } from './policy-mirror';
import { registerOpenPdfMenu } from './open-pdf-menu';
import { checkRequest, checkSender } from './request-checks';
import { registerSelectionLookup } from './selection-lookup';
import { registerSessionRegistration } from './session-registration';
import { registerSettingsRepair } from './settings-repair';
import { settingsInEffect } from './settings-in-effect';
import { beginChores, beginChoresSoon } from './start-chores';
import { registerSettingsSync } from './settings-sync';
import { registerShowTooltipCommand } from './show-tooltip-command';
import { registerToggleCommand } from './toggle-enabled';

// Nearly every wake-up is a lookup: start choosing the release and reading its header and
// modifiers while the browser is still delivering the message that woke the worker.
void releaseSource();
// Every tooltip names what changed: the history (~65 KB, opened in under a millisecond) is read alongside.
// It follows the active release: a loaded release's history is stored with it.
const history = createHistoryLoader(async () => (await releaseSource()).history());
void history.get();

const handlers = createHandlers({
  getLookup,
  getLookupFor,
  getStoredRelease: async () => (await releaseSource()).stored,
  releaseChanged: () => {
    releaseChanged();
    history.reset();
  },
  getSettings: settingsInEffect(),
  sendToFrame: (tabId, frameId, type, params) => sendToSession(tabId, type, params, frameId),
  startSession: (tabId, frameId) => injectSession({ tabId, frameIds: [frameId] }),
  injectPart: (tabId, frameId, part) => injectPart({ tabId, frameIds: [frameId] }, part),
  sendToAllFrames: (tabId, type, params) => sendToTab(tabId, type, params),
  getHistory: history.get,
  historyFailed: history.discard,
});

browser.runtime.onInstalled.addListener((details) => void injectIntoOpenTabs(details));

const route = messageRouter<BackgroundApi, RequestOrigin>({
  origin: (sender) => (checkSender(sender, browser.runtime.id) ? { tabId: sender.tab?.id, frameId: sender.frameId, tabUrl: sender.tab?.url } : undefined),
  check: checkRequest,
  handlers,
  answerBadRequests: true,
});
// The start's chores wait for its first answer (start-chores.ts).
browser.runtime.onMessage.addListener((message, sender, sendResponse) =>
  route(message, sender, (reply) => {
    sendResponse(reply);
    beginChores();
  }),
);
beginChoresSoon();

// Every listener is added synchronously at start: MV3 delivers the event that woke the worker only to those.
registerPolicyMirror();
registerSettingsRepair();
registerSettingsSync();
registerSelectionLookup();
registerOpenPdfMenu();
registerToggleCommand();
registerShowTooltipCommand();
registerActionBadge();
registerSessionRegistration();
