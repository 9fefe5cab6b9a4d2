/**
 * Renders a tooltip model as DOM: the same view in the hover tooltip, the
 * popup's expanded results and the options preview. Text goes in through
 * textContent only; no markup is ever built from dataset or page strings.
 */
import type { ServiceVerdict } from '../hcpcs/service-date-verdict';
import type { CodeCard, Fact, TooltipModel } from '../hcpcs/tooltip-model';

type Children = (Node | string | null | undefined | false)[];

export function el(doc: Document, tag: string, className: string | undefined, ...children: Children): HTMLElement {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

export function renderDetail(doc: Document, model: TooltipModel): HTMLElement {
  return el(
    doc,
    'div',
    `hl-detail hl-level-${model.level}`,
    ...model.cards.map((card) => renderCard(doc, card, model.level === 'brief')),
    renderFooter(doc, model),
  );
}

function renderCard(doc: Document, card: CodeCard, brief: boolean): HTMLElement {
  const badges = card.status.map((s) => el(doc, 'span', `hl-badge hl-badge-${s.kind}`, s.label));
  return el(
    doc,
    'section',
    `hl-card hl-kind-${card.kind}`,
    el(doc, 'div', 'hl-head', el(doc, 'span', 'hl-code', card.code), ...badges),
    el(doc, 'div', 'hl-title', card.title),
    card.service ? renderService(doc, card.service) : null,
    card.notice ? el(doc, 'div', 'hl-notice', card.notice) : null,
    // What changed in the releases the extension knows, newest first. A line per change and
    // no more: this view ships in every page's session, whose size is at its budget.
    ...(card.changes ?? []).map((change) => el(doc, 'div', 'hl-change', change.text)),
    card.facts.length > 0 ? renderFacts(doc, card.facts) : null,
    card.modifiers.length > 0 ? renderModifiers(doc, card.modifiers, brief) : null,
    card.blank && card.blank.length > 0 ? el(doc, 'div', 'hl-blank', `Blank in the CMS record: ${card.blank.join(', ')}.`) : null,
  );
}

function renderFacts(doc: Document, facts: readonly Fact[]): HTMLElement {
  const list = el(doc, 'dl', 'hl-facts');
  for (const fact of facts) {
    const term = el(doc, 'dt', undefined, fact.label);
    if (fact.help) term.title = fact.help;
    list.append(
      term,
      el(
        doc,
        'dd',
        undefined,
        el(doc, 'span', 'hl-value', fact.value),
        fact.meaning ? el(doc, 'span', 'hl-meaning', fact.meaning) : null,
        fact.group ? el(doc, 'span', 'hl-group', fact.group) : null,
      ),
    );
  }
  return list;
}

function renderModifiers(doc: Document, modifiers: readonly CodeCard[], brief: boolean): HTMLElement {
  const list = el(doc, 'ul', 'hl-modifiers');
  for (const m of modifiers) {
    const warning = m.status.find((s) => s.kind !== 'active' && s.kind !== 'changed' && s.kind !== 'new');
    list.append(
      el(
        doc,
        'li',
        `hl-modifier hl-kind-${m.kind}`,
        el(doc, 'span', 'hl-code', m.code),
        el(doc, 'span', 'hl-modifier-text', m.notice ? `${m.title}: ${m.notice}` : m.title),
        warning ? el(doc, 'span', `hl-badge hl-badge-${warning.kind}`, warning.label) : null,
        // A modifier valid on the date needs no line: the code's line says the date.
        m.service && m.service.kind !== 'valid' ? renderService(doc, m.service) : null,
      ),
    );
  }
  return el(doc, 'div', 'hl-modifiers-block', brief ? null : el(doc, 'div', 'hl-section', 'Modifiers'), list);
}

/** The date of service verdict: a quiet line when valid, a warning that says why when not. */
function renderService(doc: Document, service: ServiceVerdict): HTMLElement {
  return el(
    doc,
    'div',
    `hl-service hl-service-${service.kind}`,
    el(doc, 'span', 'hl-service-text', service.text),
    el(doc, 'span', 'hl-service-source', ` (${service.source})`),
    service.then ? el(doc, 'div', 'hl-change', service.then) : null,
  );
}

function renderFooter(doc: Document, model: TooltipModel): HTMLElement {
  return el(doc, 'footer', 'hl-footer', el(doc, 'span', 'hl-release', model.release), model.stale ? el(doc, 'span', 'hl-stale', model.stale) : null);
}

/** The text a screen reader announces for a model: what a sighted user reads first. */
export function announcement(model: TooltipModel): string {
  return model.cards
    .map((card) => {
      const status = card.status.map((s) => s.label).join(', ');
      const mods = card.modifiers.map((m) => `modifier ${m.code}: ${m.title}${m.service && m.service.kind !== 'valid' ? `, ${m.service.text}` : ''}`).join('; ');
      const service = card.service && `${card.service.text} (${card.service.source})`;
      return [`${card.code}: ${card.title}`, status, service, card.notice, mods].filter(Boolean).join('. ');
    })
    .join('. ');
}
