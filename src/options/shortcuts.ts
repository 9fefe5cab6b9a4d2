/** Lists the extension's keyboard commands with the keys the browser actually assigned. */
import browser from 'webextension-polyfill';
import { el } from '../common/detail-view';

export async function showShortcuts(list: HTMLElement): Promise<void> {
  const doc = list.ownerDocument;
  const commands = await browser.commands.getAll();
  list.replaceChildren(
    ...commands.flatMap((command) => [
      el(doc, 'dt', undefined, command.shortcut ? el(doc, 'kbd', undefined, command.shortcut) : el(doc, 'span', 'hint', 'not set')),
      el(doc, 'dd', undefined, command.description || (command.name === '_execute_action' ? 'Open the HCPCS code search' : command.name || '')),
    ]),
  );
}
