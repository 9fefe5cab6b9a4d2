/**
 * The toolbar popup opened by action.openPopup() is a browser target that
 * Playwright does not list among the context's pages. It is reached through
 * the DevTools protocol: found by URL, evaluated in through a (non-flat)
 * target session.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';
import { STATE_TIMEOUT_MS } from './wait';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export class ToolbarPopup {
  #id = 0;
  private constructor(
    private readonly cdp: CDPSession,
    private readonly targetId: string,
    private readonly sessionId: string,
  ) {}

  /** Waits for an open toolbar popup of the extension, and attaches to it. */
  static async find(ext: ExtensionBrowser, anyPage: Page, timeoutMs = STATE_TIMEOUT_MS): Promise<ToolbarPopup> {
    const cdp = await ext.context.newCDPSession(anyPage);
    const popupUrl = ext.extensionUrl('src/popup/index.html');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
      const target = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(popupUrl));
      if (target) {
        const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
        return new ToolbarPopup(cdp, target.targetId, sessionId);
      }
      if (Date.now() > deadline) throw new Error('no toolbar popup opened');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Evaluates an expression in the popup and returns its (JSON) value. */
  async evaluate(expression: string): Promise<unknown> {
    const id = ++this.#id;
    const reply = new Promise<string>((resolve) => {
      const listener = (event: { sessionId: string; message: string }) => {
        if (event.sessionId === this.sessionId && JSON.parse(event.message).id === id) {
          this.cdp.off('Target.receivedMessageFromTarget', listener);
          resolve(event.message);
        }
      };
      this.cdp.on('Target.receivedMessageFromTarget', listener);
    });
    const message = { id, method: 'Runtime.evaluate', params: { expression, returnByValue: true, awaitPromise: true } };
    await this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify(message) });
    const { result } = JSON.parse(await reply) as { result: { result: { value?: unknown } } };
    return result.result.value;
  }

  async close(): Promise<void> {
    await this.cdp.send('Target.closeTarget', { targetId: this.targetId });
    await this.cdp.detach();
  }
}
