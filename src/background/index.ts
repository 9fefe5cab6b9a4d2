/** The background worker: answers requests from the extension's own pages and content scripts. */
import browser, { type Runtime } from 'webextension-polyfill';
import { loadSettings } from '../common/settings-storage';
import type { Reply } from '../common/messages';
import { injectSession, sendToSession } from '../common/session-script';
import { registerActionBadge } from './action-badge';
import { getLookup } from './dataset-loader';
import { createHandlers, type RequestOrigin } from './handlers';
import { injectIntoOpenTabs } from './inject-open-tabs';
import { checkRequest, checkSender } from './request-checks';
import { registerSelectionLookup } from './selection-lookup';
import { registerSessionRegistration } from './session-registration';
import { registerSettingsRepair } from './settings-repair';
import { registerSettingsSync } from './settings-sync';
import { registerToggleCommand } from './toggle-enabled';

// Nearly every wake-up is a lookup: start reading the dataset while the
// browser is still delivering the message that woke the worker.
getLookup().catch(() => undefined);

const handlers = createHandlers({
  getLookup,
  getSettings: async () => (await loadSettings()).settings,
  sendToFrame: (tabId, frameId, type, params) => sendToSession(tabId, type, params, frameId),
  startSession: (tabId, frameId) => injectSession({ tabId, frameIds: [frameId] }),
});

browser.runtime.onInstalled.addListener((details) => void injectIntoOpenTabs(details));

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
  if (!checkSender(sender, browser.runtime.id)) return undefined;
  const checked = checkRequest(message);
  if (!checked.ok) return Promise.resolve({ error: checked.error });
  const { type, params } = checked.request;
  const handler = handlers[type] as (p: typeof params, origin: RequestOrigin) => Promise<unknown>;
  return handler(params, { tabId: sender.tab?.id, frameId: sender.frameId }).then(
    (result) => ({ result }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
});

// Every listener is added synchronously at start: MV3 delivers the event that woke the worker only to those.
registerSettingsRepair();
registerSettingsSync();
registerSelectionLookup();
registerToggleCommand();
registerActionBadge();
registerSessionRegistration();
