/**
 * Where the tooltip goes: below the code, or above it when there is more
 * room there; shifted sideways to stay inside the viewport; as tall as the
 * room allows (it scrolls beyond that). Pure geometry, tested in node.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A plain Box from a DOMRect (or anything with its four numbers): what can be stored and sent. */
export function boxOf(r: Box): Box {
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

export interface Placement {
  left: number;
  top: number;
  maxHeight: number;
  side: 'below' | 'above';
}

export const GAP = 6;
export const MARGIN = 8;

export function placeTooltip(anchor: Box, size: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const anchorBottom = anchor.top + anchor.height;
  const below = viewport.height - MARGIN - (anchorBottom + GAP);
  const above = anchor.top - GAP - MARGIN;
  const side = size.height <= below || below >= above ? 'below' : 'above';
  const room = Math.max(0, side === 'below' ? below : above);
  const height = Math.min(size.height, room);
  const top = side === 'below' ? anchorBottom + GAP : anchor.top - GAP - height;
  const maxLeft = viewport.width - MARGIN - size.width;
  const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));
  return { left: Math.round(left), top: Math.round(Math.max(MARGIN, top)), maxHeight: Math.floor(room), side };
}

/** Whether the point is on the box, give or take `slack` pixels. */
export function contains(box: Box, x: number, y: number, slack = 2): boolean {
  return x >= box.left - slack && x <= box.left + box.width + slack && y >= box.top - slack && y <= box.top + box.height + slack;
}
