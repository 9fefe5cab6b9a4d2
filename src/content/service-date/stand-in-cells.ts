/**
 * Table cells that stand in for text with no table around it in the DOM. A
 * tagged PDF's text layer is loose spans over a canvas; the PDF viewer reads
 * the PDF's own table tags into a detached <table> (pdf-viewer/structure-
 * tables.ts) and registers each span's cell here, so the table reader reads
 * that header and row exactly as it reads a web page's. Only extension pages
 * fill this map: a web page cannot reach the content script's, so there it
 * stays empty and costs one lookup.
 */
import { CELL } from './table-service-date';

const standIns = new WeakMap<Element, Element>();

export function setStandInCell(el: Element, cell: Element): void {
  standIns.set(el, cell);
}

/** The table cell `el` is in: its own in the DOM, or the one standing in for it. */
export function tableCellOf(el: Element): Element | undefined {
  return el.closest(CELL) ?? standIns.get(el);
}
