/** Footer: which CMS release answers, how many codes it holds, and whether newer data exists. */
import { sendToBackground } from '../common/send';

export async function showDatasetInfo(doc: Document): Promise<void> {
  const line = doc.getElementById('dataset')!;
  const stale = doc.getElementById('stale')!;
  try {
    const info = await sendToBackground('getDatasetInfo', {});
    const n = (x: number) => x.toLocaleString('en-US');
    line.textContent = `${info.label} · ${n(info.release.codes)} codes · ${n(info.release.modifiers)} modifiers`;
    if (info.stale) {
      stale.textContent = info.stale;
      stale.hidden = false;
    }
  } catch (error) {
    line.textContent = (error as Error).message;
    line.classList.add('error');
  }
}
