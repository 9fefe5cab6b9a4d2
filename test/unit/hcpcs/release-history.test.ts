/** The history model: dating by the record's own dates, the quarter after a jump, the record in force on a date, storage. */
import { describe, expect, it } from 'vitest';
import { ChangeHistory } from '../../../src/hcpcs/change-history';
import { decodeHistory, encodeHistory, HISTORY_MAGIC, historyBytesByQuarter, HistoryError } from '../../../src/hcpcs/history-format';
import type { HcpcsRecord } from '../../../src/hcpcs/record';
import type { ReleaseInfo } from '../../../src/hcpcs/release';
import { appendReleaseChanges, historyStep, quarterLabel, type ReleaseRecords } from '../../../src/hcpcs/release-history';
import { makeRecord } from '../support/make-record';

function release(year: number, quarter: 1 | 2 | 3 | 4, sha = `${year}q${quarter}`): ReleaseInfo {
  const effective = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  return { year, quarter, effective, sourceFile: '', sourceSha256: sha, layoutFile: '', notesFile: '', codes: 0, modifiers: 0 };
}
const side = (r: ReleaseInfo, records: readonly HcpcsRecord[]): ReleaseRecords => ({ release: r, records });

// 2026 Q1 → 2026 Q4 in one step, as a user who skipped three quarters loads it.
const q1 = side(release(2026, 1), [
  makeRecord('E0100', { long: 'Cane', pricing: ['46'], actionEffective: '2006-01-01' }),
  makeRecord('E0200', { long: 'Heat lamp' }),
  makeRecord('E0300', { long: 'Old bed', termination: '2025-12-31', action: 'D', actionEffective: '2026-01-01' }),
  makeRecord('E0400', { long: 'Walker', short: 'Walker' }),
]);
const q4 = side(release(2026, 4), [
  makeRecord('E0100', { long: 'Cane, any material', pricing: ['45'], action: 'C', actionEffective: '2026-04-01' }),
  makeRecord('E0200', { long: 'Heat lamp', termination: '2026-06-30', action: 'D', actionEffective: '2026-07-01' }),
  makeRecord('E0400', { long: 'Walker', short: 'Walker, folding', actionEffective: '2006-01-01' }),
  makeRecord('E0500', { long: 'Rollator', added: '2026-10-01', action: 'A', actionEffective: '2026-10-01' }),
]);

describe('historyStep', () => {
  const step = historyStep(q1, q4);
  const entry = (code: string, kind: string) => step.entries.find((e) => e.code === code && e.kind === kind)!;

  it('dates a change by the record, not by the release it was first seen in', () => {
    expect(entry('E0100', 'long').date).toBe('2026-04-01');
    expect(quarterLabel(entry('E0100', 'long').date)).toBe('2026 Q2');
    expect(entry('E0200', 'terminated').date).toBe('2026-07-01');
    expect(quarterLabel(entry('E0500', 'added').date)).toBe('2026 Q4');
  });

  it('a date older than the earlier release is not the change’s: the newer release’s date stands in', () => {
    expect(entry('E0400', 'short').date).toBe('2026-10-01');
    expect(entry('E0300', 'removed').date).toBe('2026-10-01');
  });

  it('keeps the values before the change, and the first change of a code keeps the action as it was', () => {
    expect(entry('E0100', 'long').before).toEqual({ long: 'Cane', action: 'N', actionEffective: '2006-01-01' });
    expect(entry('E0100', 'other').before).toEqual({ pricing: '46' });
    expect(entry('E0300', 'removed').before).toMatchObject({ long: 'Old bed', termination: '2025-12-31', action: 'D' });
    expect(entry('E0500', 'added').before).toEqual({});
  });

  it('names both releases', () => {
    expect(step.from).toEqual({ year: 2026, quarter: 1, effective: '2026-01-01', sourceSha256: '2026q1' });
    expect(step.to.effective).toBe('2026-10-01');
  });
});

describe('quarterLabel', () => {
  it('names the quarter a date falls in', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-30', '2026-12-31'].map(quarterLabel)).toEqual(['2026 Q1', '2026 Q1', '2026 Q2', '2026 Q3', '2026 Q4']);
  });
});

describe('ChangeHistory', () => {
  const history = ChangeHistory.of({ steps: [historyStep(q1, q4)] });
  const current = (code: string) => q4.records.find((r) => r.code === code);
  const inForce = (code: string, date: string) => history.inForce(code, current(code), date);

  it('the record in force on a date undoes every change that takes effect after it', () => {
    expect(inForce('E0100', '2026-03-31')).toMatchObject({ long: 'Cane', pricing: ['46'], action: 'N', actionEffective: '2006-01-01' });
    expect(inForce('E0100', '2026-04-01')).toBe(current('E0100'));
    expect(inForce('E0200', '2026-06-30')).toMatchObject({ termination: '' });
    expect(inForce('E0200', '2026-07-01')).toMatchObject({ termination: '2026-06-30' });
  });

  it('a code added later is not in force before; a code removed later is, as it was', () => {
    expect(inForce('E0500', '2026-09-30')).toBeUndefined();
    expect(inForce('E0500', '2026-10-01')?.long).toBe('Rollator');
    expect(inForce('E0300', '2026-09-30')).toMatchObject({ code: 'E0300', kind: 'code', long: 'Old bed', termination: '2025-12-31', pricing: [] });
    expect(inForce('E0300', '2026-10-01')).toBeUndefined();
    expect(inForce('E9999', '2020-01-01')).toBeUndefined();
  });

  it('knows each field’s value after a change', () => {
    const entries = history.entriesFor('E0100');
    expect(entries.map((e) => e.kind)).toEqual(['long', 'other']);
    expect(history.valueAfter('E0100', 1, 'pricing', current('E0100'))).toBe('45');
  });

  it('a later step’s before is an earlier change’s after', () => {
    const q2 = side(release(2026, 2), [makeRecord('E0100', { long: 'Cane, wood', pricing: ['46'], action: 'C', actionEffective: '2026-04-01' })]);
    const q3 = side(release(2026, 3), [makeRecord('E0100', { long: 'Cane, any material', pricing: ['46'], action: 'C', actionEffective: '2026-07-01' })]);
    const chain = ChangeHistory.of({ steps: [historyStep({ ...q1, records: [q1.records[0]!] }, q2), historyStep(q2, q3)] });
    expect(chain.entriesFor('E0100').map((e) => e.date)).toEqual(['2026-04-01', '2026-07-01']);
    expect(chain.valueAfter('E0100', 0, 'long', q3.records[0])).toBe('Cane, wood');
    expect(chain.inForce('E0100', q3.records[0], '2026-05-15')?.long).toBe('Cane, wood');
    expect(chain.inForce('E0100', q3.records[0], '2026-02-01')?.long).toBe('Cane');
  });

  it('the release in force on a date is the active one from its effective date, else the one it replaced', () => {
    expect(history.releaseOn(q4.release, '2026-10-01')).toBe(q4.release);
    expect(history.releaseOn(q4.release, '2026-09-30')).toMatchObject({ year: 2026, quarter: 1 });
  });

  it('lists what changed in the active release, only when the last step leads to it', () => {
    expect([...history.changedIn(q4.release)]).toEqual([
      ['E0100', ['long', 'other']],
      ['E0200', ['terminated']],
      ['E0300', ['removed']],
      ['E0400', ['short']],
      ['E0500', ['added']],
    ]);
    expect(history.changedIn(release(2027, 1)).size).toBe(0);
  });
});

describe('history text', () => {
  it('reads back what it wrote', () => {
    const history = { steps: [historyStep(q1, q4)] };
    expect(decodeHistory(encodeHistory(history))).toEqual(history);
  });

  it('refuses damaged text with the line and field at fault', () => {
    const good = encodeHistory({ steps: [historyStep(q1, q4)] });
    const lines = good.split('\n');
    const bad = (line: number, text: string) => () => decodeHistory([...lines.slice(0, line), text, ...lines.slice(line + 1)].join('\n'));
    expect(() => decodeHistory('{}')).toThrow(HistoryError);
    expect(bad(1, '@{"from":{}}')).toThrow(/line 2: a release of the step is incomplete/);
    expect(bad(2, 'E0100\t2026-13-01\tlong')).toThrow(/line 3 \(E0100\): "2026-13-01" is not a date/);
    expect(bad(2, 'E0100\t2026-04-01\tmoved')).toThrow(/is not a kind of change/);
    expect(bad(2, 'E0100\t2026-04-01\tother\tcolour=red')).toThrow(/unexpected "colour=red"/);
    expect(bad(2, 'E0100\t2026-04-01\tother\ttermination=soon')).toThrow(/termination "soon" is not a date/);
    expect(bad(2, 'E0100\t2026-04-01\tother\tpricing=1,2,3,4,5')).toThrow(/pricing has more than 4 values/);
    expect(bad(2, 'e0100\t2026-04-01\tlong')).toThrow(/is not a code/);
    expect(() => decodeHistory(`${lines[0]}\nE0100\t2026-04-01\tlong\n`)).toThrow(/a change before any step/);
  });
});

describe('ChangeHistory.fromText', () => {
  it('reads a code’s lines when it is asked for, and verify() finds a damaged line anywhere', () => {
    const text = encodeHistory({ steps: [historyStep(q1, q4)] }).replace('E0400\t2026-10-01\tshort', 'E0400\t2026-99-01\tshort');
    const history = ChangeHistory.fromText(text);
    expect(history.entriesFor('E0100').map((e) => e.kind)).toEqual(['long', 'other']);
    expect(() => history.entriesFor('E0400')).toThrow(/\(E0400\): "2026-99-01" is not a date/);
    expect(() => history.verify()).toThrow(HistoryError);
    expect(() => ChangeHistory.fromText(encodeHistory({ steps: [historyStep(q1, q4)] })).verify()).not.toThrow();
  });
});

describe('appendReleaseChanges', () => {
  const q2 = side(release(2026, 2), q4.records);
  it('adds the step from the replaced release to a newer one, after the bundled step', () => {
    const bundled = encodeHistory({ steps: [historyStep(side(release(2025, 4), q1.records), q1)] });
    const steps = decodeHistory(appendReleaseChanges(bundled, q1, q2)).steps;
    expect(steps.map((s) => `${s.from.effective}→${s.to.effective}`)).toEqual(['2025-10-01→2026-01-01', '2026-01-01→2026-04-01']);
    expect(steps[1]!.entries.length).toBeGreaterThan(0);
  });

  it('replacing a loaded release drops the steps that led to it; an older release adds no step', () => {
    const withQ2 = appendReleaseChanges(undefined, q1, q2);
    const q3 = side(release(2026, 3), q4.records);
    // Back to Q1 (the bundled release), then on to Q3: the Q1 → Q2 step no longer describes the chain.
    const back = appendReleaseChanges(withQ2, q2, q1);
    expect(decodeHistory(back).steps).toEqual([]);
    expect(decodeHistory(appendReleaseChanges(back, q1, q3)).steps.map((s) => s.to.effective)).toEqual(['2026-07-01']);
    expect(decodeHistory(appendReleaseChanges(withQ2, q2, q2)).steps).toHaveLength(1);
  });

  it('another issue of the same quarter is a step of its own', () => {
    const v2 = side(release(2026, 2, 'v2'), [...q4.records.slice(1)]);
    expect(decodeHistory(appendReleaseChanges(appendReleaseChanges('', q1, q2), q2, v2)).steps.map((s) => s.to.sourceSha256)).toEqual(['2026q2', 'v2']);
  });

  it('refuses a damaged stored history rather than losing it silently', () => {
    expect(() => appendReleaseChanges('garbage', q1, q2)).toThrow(HistoryError);
  });
});

describe('historyBytesByQuarter', () => {
  it('counts each change line to the quarter it takes effect in, and each step line to the quarter it leads to', () => {
    const text = encodeHistory({ steps: [historyStep(q1, q4)] });
    const bytes = historyBytesByQuarter(text);
    expect([...bytes.keys()].sort()).toEqual(['2026 Q2', '2026 Q3', '2026 Q4']);
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(new TextEncoder().encode(text).length - HISTORY_MAGIC.length - 1);
    const q2Line = text.split('\n').find((l) => l.startsWith('E0100\t2026-04-01\tlong'))!;
    expect(bytes.get('2026 Q2')).toBeGreaterThan(q2Line.length);
  });
});

describe('removedRecord', () => {
  it('is the record as the release before the removal had it', () => {
    const history = ChangeHistory.of({ steps: [historyStep(q1, q4)] });
    expect(history.removedRecord('E0300')).toMatchObject({ code: 'E0300', long: 'Old bed', termination: '2025-12-31', action: 'D' });
    expect(history.removedRecord('E0100')).toBeUndefined();
  });
});
