/**
 * Where a part of the session (common/content-parts.ts) leaves its exports:
 * on this frame's isolated-world global, which the page cannot read. Each
 * part's entry registers what it holds; the session reads it from there.
 */
import { partKey, type ContentPart } from '../../common/content-parts';
import type { CodeListsPart } from './code-lists-part';
import type { MarkingPart } from './marking-part';
import type { ServiceDatePart } from './service-date-part';
import type { TooltipPart } from './tooltip-part';

export interface PartExports {
  tooltip: TooltipPart;
  'service-date': ServiceDatePart;
  marking: MarkingPart;
  'code-lists': CodeListsPart;
}

type PartGlobal = Record<symbol, unknown>;

export function registerPart<K extends ContentPart>(part: K, exports: PartExports[K]): void {
  (globalThis as unknown as PartGlobal)[partKey(part)] = exports;
}

/** The part, if this frame has it. */
export function registeredPart<K extends ContentPart>(part: K): PartExports[K] | undefined {
  return (globalThis as unknown as PartGlobal)[partKey(part)] as PartExports[K] | undefined;
}

/** Forgets every part: those a session left behind after an update or reload of the extension are of the old code. */
export function forgetParts(parts: readonly ContentPart[]): void {
  for (const part of parts) delete (globalThis as unknown as PartGlobal)[partKey(part)];
}
