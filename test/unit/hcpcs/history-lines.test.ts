/** The sentences a tooltip shows for a code's history, on a jump of three quarters (2026 Q1 → Q4). */
import { describe, expect, it } from 'vitest';
import { ChangeHistory } from '../../../src/hcpcs/change-history';
import { historyLines } from '../../../src/hcpcs/history-lines';
import type { HcpcsRecord } from '../../../src/hcpcs/record';
import type { ReleaseInfo } from '../../../src/hcpcs/release';
import { historyStep } from '../../../src/hcpcs/release-history';
import { makeRecord } from '../support/make-record';

function release(quarter: 1 | 2 | 3 | 4): ReleaseInfo {
  const effective = `2026-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  return { year: 2026, quarter, effective, sourceFile: '', sourceSha256: `q${quarter}`, layoutFile: '', notesFile: '', codes: 0, modifiers: 0 };
}

const before: HcpcsRecord[] = [
  makeRecord('E0100', { long: 'Cane', pricing: ['46'], typeOfService: ['R'] }),
  makeRecord('E0200', { termination: '2026-03-31', action: 'D', actionEffective: '2026-04-01' }),
  makeRecord('E0300', { termination: '2025-12-31', action: 'D', actionEffective: '2026-01-01' }),
];
const after: HcpcsRecord[] = [
  makeRecord('E0100', { long: 'Cane, any material', pricing: ['45'], typeOfService: ['R', 'P'], action: 'C', actionEffective: '2026-04-01' }),
  makeRecord('E0200', { termination: '2026-09-30', action: 'D', actionEffective: '2026-07-01' }),
  makeRecord('E0300', { action: 'R', actionEffective: '2026-10-01' }),
  makeRecord('E0500', { added: '2026-10-01', action: 'A', actionEffective: '2026-10-01' }),
];
const history = ChangeHistory.of({ steps: [historyStep({ release: release(1), records: before }, { release: release(4), records: after })] });
const lines = (code: string, today: string) => historyLines(history, code, after.find((r) => r.code === code), today).map((l) => l.text);

describe('historyLines', () => {
  it('labels a change by the quarter it took effect in, not the release it was seen in', () => {
    expect(lines('E0100', '2026-11-01')).toEqual([
      'Long description changed in 2026 Q2 — was: Cane',
      'Pricing indicator 46 → 45 in 2026 Q2',
      'Type of service R → R, P in 2026 Q2',
    ]);
    expect(lines('E0500', '2026-11-01')).toEqual(['Added in 2026 Q4']);
  });

  it('a termination date moved, and a termination cleared', () => {
    expect(lines('E0200', '2026-11-01')).toEqual(['Termination date moved 2026-03-31 → 2026-09-30 in 2026 Q3']);
    expect(lines('E0300', '2026-11-01')).toEqual(['Reinstated in 2026 Q4: no longer terminated 2025-12-31']);
  });

  it('a change after today says what it will be and from when', () => {
    expect(lines('E0100', '2026-03-15')).toEqual([
      'Long description changes 2026-04-01 — will be: Cane, any material',
      'Pricing indicator 46 → 45 from 2026-04-01',
      'Type of service R → R, P from 2026-04-01',
    ]);
    expect(lines('E0500', '2026-03-15')).toEqual(['Added 2026-10-01 (2026 Q4)']);
  });

  it('a termination, a moved termination and a reinstatement after today are told as coming, not as done', () => {
    const q2 = { release: release(2), records: [{ ...before[0]!, termination: '2026-06-30', action: 'D', actionEffective: '2026-07-01' }] };
    const ending = ChangeHistory.of({ steps: [historyStep({ release: release(1), records: [before[0]!] }, q2)] });
    // Posted in March for April: on March 15 the code is still billable, to its last valid date.
    expect(historyLines(ending, 'E0100', q2.records[0], '2026-03-15').map((l) => l.text)).toEqual(['Terminating: last valid date 2026-06-30']);
    expect(historyLines(ending, 'E0100', q2.records[0], '2026-07-01').map((l) => l.text)).toEqual(['Terminated 2026-06-30']);
    expect(lines('E0200', '2026-06-15')).toEqual(['Termination date moves 2026-03-31 → 2026-09-30 from 2026-07-01']);
    expect(lines('E0300', '2026-09-15')).toEqual(['Reinstated from 2026-10-01: no longer terminated 2025-12-31']);
  });

  it('several changes of a code, newest first', () => {
    const q2 = { release: release(2), records: [makeRecord('E0100', { long: 'Cane, wood', pricing: ['46'], actionEffective: '2026-04-01', action: 'C' })] };
    const q3 = { release: release(3), records: [makeRecord('E0100', { long: 'Cane, wood', pricing: ['45'], actionEffective: '2026-07-01', action: 'P' })] };
    const chain = ChangeHistory.of({ steps: [historyStep({ release: release(1), records: [before[0]!] }, q2), historyStep(q2, q3)] });
    expect(historyLines(chain, 'E0100', q3.records[0], '2026-08-01').map((l) => l.text)).toEqual([
      'Pricing indicator 46 → 45 in 2026 Q3',
      'Long description changed in 2026 Q2 — was: Cane',
      'Type of service R → (blank) in 2026 Q2',
    ]);
  });
});
