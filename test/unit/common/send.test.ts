import { afterEach, describe, expect, it, vi } from 'vitest';

type Send = (message: unknown) => Promise<unknown>;

/** send.ts with a fake extension API whose runtime.sendMessage is `send`. */
async function sendWith(send: Send) {
  vi.resetModules();
  vi.stubGlobal('chrome', { runtime: { sendMessage: vi.fn(send) } });
  const module = await import('../../../src/common/send');
  return { ...module, sendMessage: (globalThis as unknown as { chrome: { runtime: { sendMessage: ReturnType<typeof vi.fn> } } }).chrome.runtime.sendMessage };
}

const gone = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sendToBackground', () => {
  it('sends again when the message reached a worker that was stopping', async () => {
    let calls = 0;
    const { sendToBackground, sendMessage } = await sendWith(() => (++calls === 1 ? gone() : Promise.resolve({ result: { codes: [] } })));
    await expect(sendToBackground('startSession', {})).resolves.toEqual({ codes: [] });
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('gives up after three tries, with the browser’s error', async () => {
    const { sendToBackground, sendMessage } = await sendWith(gone);
    await expect(sendToBackground('startSession', {})).rejects.toThrow('Receiving end does not exist');
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  it('does not send again for a dead extension or an answer that is an error', async () => {
    const dead = await sendWith(() => Promise.reject(new Error('Extension context invalidated.')));
    await expect(dead.sendToBackground('startSession', {})).rejects.toThrow('Extension context invalidated');
    expect(dead.sendMessage).toHaveBeenCalledTimes(1);
    const refused = await sendWith(() => Promise.resolve({ error: 'bad request' }));
    await expect(refused.sendToBackground('startSession', {})).rejects.toThrow('bad request');
    expect(refused.sendMessage).toHaveBeenCalledTimes(1);
  });
});
