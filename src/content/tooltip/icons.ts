/** The toolbar's three icons, drawn with SVG paths (built as nodes: no markup parsed). */
const PATHS = {
  copy: ['M9 9h10v10H9z', 'M5 15V5h10'],
  pin: ['M9 4h6l-1 6 3 3H7l3-3z', 'M12 13v7'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
} as const;

export type IconName = keyof typeof PATHS;

const SVG = 'http://www.w3.org/2000/svg';

export function icon(doc: Document, name: IconName): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  for (const d of PATHS[name]) {
    const path = doc.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
