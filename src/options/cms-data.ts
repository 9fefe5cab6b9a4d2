/**
 * The options page's "CMS data" section: the active release, loading a newer
 * one from CMS's file (converted in a worker: release-import/), its summary,
 * and going back to the bundled release. Nothing changes until the user
 * chooses "Use this release"; a failure leaves the active release serving.
 */
import { ext as browser } from '../common/extension-api';
import type { Result, BackgroundApi } from '../common/messages';
import { LOADED_RELEASE_KEY } from '../common/loaded-release';
import { clearStoredRelease, readNotice } from '../common/release-store';
import { sendToBackground } from '../common/send';
import { loadSettings, watchSettings } from '../common/settings-storage';
import { localIsoDate } from '../hcpcs/dates';
import type { ReleaseInfo } from '../hcpcs/release';
import { acceptFileDrops } from './file-drop';
import { notYetInEffect, renderSummary } from './release-summary';
import type { FromWorker, Stage, ToWorker } from './release-import/import-protocol';

/** The marker of a loaded release: if IndexedDB loses it (the browser evicted it), the page can say so. */
const LOADED_KEY = LOADED_RELEASE_KEY;

const STAGES: Readonly<Record<Stage, [number, string]>> = {
  reading: [1, 'Reading the file…'],
  unpacking: [2, 'Unpacking…'],
  converting: [3, 'Converting the CMS records…'],
  comparing: [4, 'Comparing with the active release…'],
};

const BUNDLED: ReleaseInfo | undefined = typeof __BUNDLED_RELEASE__ === 'undefined' ? undefined : __BUNDLED_RELEASE__;

export function setUpCmsData(doc: Document): void {
  const $ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const facts = $('active-release');
  const notice = $('release-notice');
  const load = $<HTMLButtonElement>('load-release');
  const input = $<HTMLInputElement>('release-file');
  const drop = $('drop-zone');
  const disabledWhy = $('import-disabled');
  const progress = $('import-progress');
  const bar = $<HTMLProgressElement>('import-bar');
  const stageText = $('import-stage');
  const cancel = $<HTMLButtonElement>('cancel-import');
  const error = $('import-error');
  const summary = $('import-summary');
  const back = $<HTMLButtonElement>('return-bundled');
  let worker: Worker | undefined;
  let allowed = true;
  let active: Result<BackgroundApi, 'getDatasetInfo'> | undefined;

  const say = (text: string) => {
    notice.textContent = text;
    notice.hidden = text === '';
  };
  const fail = (message: string) => {
    stop();
    error.textContent = `Not loaded: ${message} Nothing changed${active ? `: ${active.label} still serves` : ''}.`;
    error.hidden = false;
  };
  const stop = () => {
    worker?.terminate();
    worker = undefined;
    progress.hidden = true;
    load.disabled = !allowed;
  };

  async function showActive(): Promise<void> {
    active = await sendToBackground('getDatasetInfo', {});
    const { release, source } = active;
    const today = localIsoDate();
    const rows: [string, string][] = [
      ['Active release', active.label],
      ['Effective', release.effective > today ? `${release.effective}. ${notYetInEffect(release.effective)}` : release.effective],
      ['Records', `${release.codes.toLocaleString('en-US')} codes, ${release.modifiers.toLocaleString('en-US')} modifiers`],
      ['Source', source.kind === 'bundled' ? `bundled with the extension (${release.sourceFile})` : `${source.fileName}, loaded ${new Date(source.loadedAt).toLocaleString()}`],
      ['sha256', source.kind === 'bundled' ? release.sourceSha256 : source.inputSha256],
    ];
    facts.replaceChildren(...rows.flatMap(([term, value]) => [Object.assign(doc.createElement('dt'), { textContent: term }), Object.assign(doc.createElement('dd'), { textContent: value })]));
    back.disabled = source.kind === 'bundled';
    const marker = (await browser.storage.local.get(LOADED_KEY))[LOADED_KEY] as { label?: unknown } | undefined;
    let stored = await readNotice().catch(() => undefined);
    if (!stored && marker && source.kind === 'bundled') {
      // The marker says a release was loaded, IndexedDB has none and no notice says why: the browser evicted it.
      const text = `The browser removed the CMS release you loaded (${typeof marker.label === 'string' ? marker.label : 'a loaded release'}) from its storage. The bundled release serves again; load the file again to use it.`;
      await clearStoredRelease(text).catch(() => undefined);
      stored = { text, at: new Date().toISOString() };
    }
    if (marker && source.kind === 'bundled') await browser.storage.local.remove(LOADED_KEY);
    say(stored?.text ?? '');
  }

  function start(file: File): void {
    if (!allowed) return;
    stop();
    error.hidden = true;
    summary.hidden = true;
    progress.hidden = false;
    load.disabled = true;
    bar.value = 0;
    stageText.textContent = `Reading ${file.name}…`;
    worker = new Worker(new URL('./release-import/import-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => void onMessage(event.data, file.name));
    worker.addEventListener('error', (event) => fail(`${file.name}: the converter stopped (${event.message || 'worker error'}).`));
    worker.postMessage({ type: 'load', file } satisfies ToWorker);
  }

  async function onMessage(message: FromWorker, fileName: string): Promise<void> {
    if (message.type === 'stage') {
      const [step, text] = STAGES[message.stage];
      bar.value = step;
      stageText.textContent = text;
    } else if (message.type === 'failed') {
      fail(message.message);
    } else if (message.type === 'summary') {
      bar.value = 5;
      progress.hidden = true;
      // Another file may be loaded instead: it replaces this summary.
      load.disabled = !allowed;
      summary.hidden = false;
      renderSummary(summary, message.summary, BUNDLED, localIsoDate(), {
        use: () => worker?.postMessage({ type: 'use' } satisfies ToWorker),
        discard: () => {
          stop();
          summary.hidden = true;
          summary.replaceChildren();
        },
        copy: (tsv) => void navigator.clipboard.writeText(tsv).then(
          () => (stageText.textContent = 'Copied the changes as TSV.'),
          () => fail('the browser refused access to the clipboard.'),
        ),
      });
      summary.querySelector('h3')?.setAttribute('tabindex', '-1');
      summary.querySelector<HTMLElement>('h3')?.focus();
    } else if (message.type === 'stored') {
      stop();
      summary.hidden = true;
      summary.replaceChildren();
      // The time makes each use a change that open tabs hear of, even of the same file again.
      await browser.storage.local.set({ [LOADED_KEY]: { label: fileName, at: new Date().toISOString() } });
      await sendToBackground('reloadRelease', {});
      await showActive();
    }
  }

  load.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) start(file);
  });
  acceptFileDrops(drop, {
    enabled: () => allowed,
    file: start,
    refuse(message) {
      // A refused drop ends what was under way, as a file that fails to load does.
      summary.hidden = true;
      fail(message);
    },
  });
  cancel.addEventListener('click', () => {
    stop();
    error.textContent = 'Cancelled. Nothing changed.';
    error.hidden = false;
  });
  back.addEventListener('click', async () => {
    back.disabled = true;
    await clearStoredRelease();
    await browser.storage.local.remove(LOADED_KEY);
    await sendToBackground('reloadRelease', {});
    await showActive();
  });

  const applyAllowed = (allow: boolean) => {
    allowed = allow;
    load.disabled = !allow || worker !== undefined;
    drop.setAttribute('aria-disabled', String(!allow));
    disabledWhy.hidden = allow;
    disabledWhy.textContent = allow ? '' : 'Loading a CMS release is turned off (Allow loading a CMS release, below). The release shown above serves.';
  };
  void loadSettings().then(({ settings }) => applyAllowed(settings.allowReleaseImport));
  watchSettings((settings) => applyAllowed(settings.allowReleaseImport));
  void showActive().catch((e: unknown) => say((e as Error).message));
}
