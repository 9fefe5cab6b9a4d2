/** The popup's three views as an ARIA tab list: click, or ←/→/Home/End between tabs. */
export function setUpTabs(doc: Document, onSelect: (id: string) => void): (id: string) => void {
  const tabs = [...doc.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const select = (id: string, focus = false) => {
    for (const tab of tabs) {
      const selected = tab.id === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      doc.getElementById(tab.getAttribute('aria-controls')!)!.hidden = !selected;
      if (selected && focus) tab.focus();
    }
    onSelect(id);
  };
  for (const [i, tab] of tabs.entries()) {
    tab.addEventListener('click', () => select(tab.id));
    tab.addEventListener('keydown', (event) => {
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1 + tabs.length, Home: 0, End: tabs.length - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      select(tabs[to % tabs.length]!.id, true);
    });
  }
  return select;
}
