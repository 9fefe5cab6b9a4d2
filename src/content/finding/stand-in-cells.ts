/**
 * Table cells that stand in for text with no table around it in the DOM. A
 * tagged PDF's text layer is loose spans over a canvas; the PDF viewer reads
 * the PDF's own table tags into a detached <table> (pdf-viewer/structure-
 * tables.ts) and registers each span's cell here, so the table readers (the
 * column's role, the row's date of service) read that header and row exactly
 * as they read a web page's. Only extension pages fill this map: a web page
 * cannot reach the content script's, so there it stays empty and costs one
 * lookup where a text has no cell of its own.
 */
const standIns = new WeakMap<Element, Element>();

/** A table cell, HTML or ARIA grid, header cells included. */
export const CELL = 'td, th, [role="gridcell"], [role="cell"], [role="rowheader"], [role="columnheader"]';

export function setStandInCell(el: Element, cell: Element): void {
  standIns.set(el, cell);
}

/** The cell `el` sits in (a CELL around it in the DOM), or the cell standing in for it. */
export function cellAround(el: Element): Element | undefined {
  return el.closest(CELL) ?? standIns.get(el);
}
