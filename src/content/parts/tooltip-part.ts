/**
 * The tooltip's look (its view, the detail view and their CSS): needed only
 * once a code is found under the pointer, or a request asks for a tooltip.
 * The session asks for it as the code is looked up, so both arrive together.
 */
import { TooltipView } from '../tooltip/tooltip-view';
import { registerPart } from './part-registry';

const exports = { TooltipView };
export type TooltipPart = typeof exports;

registerPart('tooltip', exports);
