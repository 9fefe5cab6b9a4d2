/** The live tooltip preview: E1392 with modifier RR, at the chosen detail level and theme. */
import { el, renderDetail } from '../common/detail-view';
import { sendToBackground } from '../common/send';
import type { Settings } from '../common/settings';

const SAMPLE = { code: 'E1392', modifiers: ['RR'] };

export function makePreview(container: HTMLElement): (settings: Pick<Settings, 'detailLevel' | 'theme'>) => Promise<void> {
  let shown = '';
  let latest = 0;
  return async ({ detailLevel, theme }) => {
    container.dataset.theme = theme;
    if (shown === detailLevel) return;
    const ticket = ++latest;
    try {
      // Built by the worker, as the tooltip is: the preview is the real thing.
      const model = await sendToBackground('lookupCodes', { items: [SAMPLE], level: detailLevel });
      if (ticket !== latest) return;
      container.replaceChildren(renderDetail(container.ownerDocument, model));
      shown = detailLevel;
    } catch (error) {
      container.replaceChildren(el(container.ownerDocument, 'p', 'field-error', (error as Error).message));
    }
  };
}
