/**
 * The session's parts injected on demand (content/parts/): what most pages
 * never need stays out of the session every page gets when the pointer first
 * rests. Each is a script of its own that the worker injects into the frame
 * that asks (loadContentPart), the same way as the session; it registers its
 * exports on the isolated world's own global under its key, where the page
 * cannot see them.
 */
export const CONTENT_PARTS = ['tooltip', 'service-date', 'marking', 'code-lists'] as const;
export type ContentPart = (typeof CONTENT_PARTS)[number];

/** Where a part's exports wait in the frame's isolated world (also cleared by name: content/session.ts). */
export function partKey(part: ContentPart): symbol {
  return Symbol.for(`hcpcs-lens.part.${part}`);
}

export function isContentPart(value: unknown): value is ContentPart {
  return (CONTENT_PARTS as readonly unknown[]).includes(value);
}
