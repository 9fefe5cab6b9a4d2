/**
 * The codes of a whole page (the popup's "Codes on this page") and of a
 * selection (the context menu's "Look up HCPCS code", Alt+Shift+K): asked
 * for only when the popup or the worker makes that request of the frame.
 * Reads with the session's detection, which the session hands it
 * (finding/page-scanner.ts).
 */
import { listPageCodes } from '../finding/page-codes';
import { selectionBox, selectionItems } from '../finding/selection-lookup';
import { registerPart } from './part-registry';

const exports = { listPageCodes, selectionItems, selectionBox };
export type CodeListsPart = typeof exports;

registerPart('code-lists', exports);
