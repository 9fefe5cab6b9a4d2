import type { Settings } from './settings';

/**
 * The extension's own pages follow the theme chosen for the tooltip:
 * detail-view.css keys its colours on `.hl-theme[data-theme]`.
 */
export function applyTheme(doc: Document, theme: Settings['theme']): void {
  doc.documentElement.classList.add('hl-theme');
  doc.documentElement.dataset.theme = theme;
}
