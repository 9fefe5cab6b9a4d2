/**
 * A frame and the frames above it, seen through `frameElement`: the only way
 * a frame reaches its parent here. `frameElement` is null when the parent's
 * origin differs (or either origin is opaque: sandboxed frames, data: URLs),
 * so a chain that reaches the top this way is one origin from top to bottom:
 * the top page could read that frame's text anyway. Nothing is posted
 * between frames (no postMessage a page could see, forge or swallow).
 */
import type { Box } from '../tooltip/placement';

/** The windows above `win` up to the top, when every one has `win`'s origin (not opaque); else undefined. */
export function sameOriginAncestors(win: Window): Window[] | undefined {
  const origin = win.origin;
  if (!origin || origin === 'null') return undefined;
  const ancestors: Window[] = [];
  let w = win;
  while (w !== w.top) {
    const parent = parentOf(w);
    if (!parent || parent.origin !== origin) return undefined;
    ancestors.push(parent);
    w = parent;
  }
  return ancestors;
}

/** The windows above `win` as far up as `frameElement` reaches (same origin), nearest first. */
export function reachableAncestors(win: Window): Window[] {
  const ancestors: Window[] = [];
  for (let w = parentOf(win); w; w = parentOf(w)) ancestors.push(w);
  return ancestors;
}

function parentOf(w: Window): Window | undefined {
  try {
    const element = w.frameElement;
    return element?.ownerDocument.defaultView ?? undefined;
  } catch {
    return undefined;
  }
}

/** `box` in `win`'s viewport, in the top page's viewport (through each frame element's border and padding); undefined past a cross-origin parent. */
export function boxInTop(win: Window, box: Box): Box | undefined {
  let { left, top } = box;
  let w = win;
  while (w !== w.top) {
    const element = safeFrameElement(w);
    const view = element?.ownerDocument.defaultView;
    if (!element || !view) return undefined;
    const outer = element.getBoundingClientRect();
    const style = view.getComputedStyle(element);
    left += outer.left + element.clientLeft + parseFloat(style.paddingLeft);
    top += outer.top + element.clientTop + parseFloat(style.paddingTop);
    w = view;
  }
  return { left, top, width: box.width, height: box.height };
}

function safeFrameElement(w: Window): Element | null {
  try {
    return w.frameElement;
  } catch {
    return null;
  }
}

/** Where `win` is among its ancestors' frames, top first: `top.frames[p[0]].frames[p[1]]…` is `win`. */
export function framePath(win: Window, ancestors: Window[]): number[] {
  const path: number[] = [];
  let w = win;
  for (const parent of ancestors) {
    let index = -1;
    for (let i = 0; i < parent.frames.length; i++) {
      if (parent.frames[i] === w) {
        index = i;
        break;
      }
    }
    if (index < 0) return [];
    path.unshift(index);
    w = parent;
  }
  return path;
}

/** The windows along `path` from the top (the top excluded), each still of the top's origin; undefined if one has gone or changed origin. */
export function windowsAlong(top: Window, path: readonly number[]): Window[] | undefined {
  const windows: Window[] = [];
  let w = top;
  for (const index of path) {
    const next = w.frames[index];
    try {
      if (!next || next.origin !== top.origin) return undefined;
    } catch {
      return undefined;
    }
    windows.push(next);
    w = next;
  }
  return windows;
}
