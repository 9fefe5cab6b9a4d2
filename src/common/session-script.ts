/// <reference path="./script-imports.d.ts" />
/**
 * The content script's session (content/session.ts) as a file the worker and
 * the popup inject with scripting.executeScript: into a frame whose bootstrap
 * asks for it, and into frames they need to talk to. A request to a frame
 * goes to its session; if it has none yet, it is started and asked again.
 * The session's parts (common/content-parts.ts) are injected the same way,
 * into the frame whose session asks for one.
 */
import type { Scripting } from 'webextension-polyfill';
import sessionFile from '../content/session.ts?script&iife';
import tooltipPartFile from '../content/parts/tooltip-part.ts?script&iife';
import serviceDatePartFile from '../content/parts/service-date-part.ts?script&iife';
import markingPartFile from '../content/parts/marking-part.ts?script&iife';
import codeListsPartFile from '../content/parts/code-lists-part.ts?script&iife';
import type { ContentPart } from './content-parts';
import { ext as browser } from './extension-api';
import type { ContentApi, Params, Result } from './messages';
import { sendToTab } from './send';

export const SESSION_SCRIPT = sessionFile;

/** The session's parts, each a file of its own, injected when the session asks (content/parts/part-loader.ts). */
export const PART_SCRIPTS: Readonly<Record<ContentPart, string>> = { tooltip: tooltipPartFile, 'service-date': serviceDatePartFile, marking: markingPartFile, 'code-lists': codeListsPartFile };

export async function injectPart(target: Scripting.InjectionTarget, part: ContentPart): Promise<void> {
  await browser.scripting.executeScript({ target, files: [PART_SCRIPTS[part]] });
}

export async function injectSession(target: Scripting.InjectionTarget): Promise<void> {
  await browser.scripting.executeScript({ target, files: [SESSION_SCRIPT] });
}

/** Runs in each frame (serialised: no imports): whether a live session is there. The key is content/wake.ts's SESSION_KEY. */
function hasLiveSession(): boolean {
  const session = (globalThis as unknown as Record<symbol, { alive?: () => boolean } | undefined>)[Symbol.for('hcpcs-lens.session')];
  return session?.alive?.() === true;
}

/** Starts the session in every frame of a tab that has none; returns the ids of the frames found. */
export async function ensureSessions(tabId: number): Promise<number[]> {
  const frames = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: hasLiveSession });
  const missing = frames.filter((f) => f.result !== true).map((f) => f.frameId);
  // A frame may have gone, or be one the extension may not script: the others still count.
  if (missing.length > 0) await injectSession({ tabId, frameIds: missing }).catch(() => undefined);
  return frames.map((f) => f.frameId);
}

const NO_RECEIVER = /Receiving end does not exist/i;

/** Sends a request to one frame's session, starting the session there first if the frame has only the bootstrap. */
export async function sendToSession<K extends keyof ContentApi>(tabId: number, type: K, params: Params<ContentApi, K>, frameId = 0): Promise<Result<ContentApi, K>> {
  try {
    return await sendToTab(tabId, type, params, frameId);
  } catch (error) {
    if (!NO_RECEIVER.test(String((error as Error)?.message))) throw error;
    await injectSession({ tabId, frameIds: [frameId] });
    return sendToTab(tabId, type, params, frameId);
  }
}
