/** What makes a tooltip the same as the one showing: its code, modifiers and date of service, at the same place. */
import type { LookupItem } from '../../hcpcs/tooltip-model';
import type { Box } from '../tooltip/placement';

export function keyOf(item: LookupItem, anchor: Box): string {
  const service = item.service && ('unreadable' in item.service ? '?' : `${item.service.from}${item.service.to ?? ''}`);
  return `${item.code}${(item.modifiers ?? []).join('-')}${service ? `:${service}` : ''}@${Math.round(anchor.left)},${Math.round(anchor.top)}`;
}
