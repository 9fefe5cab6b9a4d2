/** One line of the benchmark table: a measured figure, its budget and the verdict. */
import type { Summary } from './stats';

export type Unit = 'ms' | 'bytes' | 'MB' | 'x' | 'ms/row' | 'count';

export interface Budget {
  /** Which statistic the budget applies to. */
  stat: 'median' | 'p95' | 'max' | 'value';
  /** The figure must be at most this (or at least, for 'min'). */
  limit: number;
  direction?: 'at-most' | 'at-least';
}

export interface Figure {
  suite: string;
  name: string;
  unit: Unit;
  /** A single value (sizes) or a summary of repeated runs. */
  value?: number;
  summary?: Summary;
  budget?: Budget;
  note?: string;
  /** Not measured on this machine, and why (e.g. no raw CMS release here). */
  skipped?: string;
}

/** A figure that should have been measured but has no number: the bench is broken. */
export function missing(figure: Figure): boolean {
  if (figure.skipped) return false;
  const value = figure.summary ? figure.summary.median : figure.value;
  return value === undefined || !Number.isFinite(value);
}

export type Verdict = 'pass' | 'FAIL' | 'info';

export function verdict(figure: Figure): Verdict {
  const { budget } = figure;
  if (!budget) return 'info';
  const measured = budget.stat === 'value' ? figure.value : figure.summary?.[budget.stat];
  if (measured === undefined || Number.isNaN(measured)) return 'FAIL';
  return (budget.direction ?? 'at-most') === 'at-most' ? (measured <= budget.limit ? 'pass' : 'FAIL') : measured >= budget.limit ? 'pass' : 'FAIL';
}
