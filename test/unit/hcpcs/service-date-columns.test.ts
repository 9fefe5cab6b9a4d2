import { describe, expect, it } from 'vitest';
import { columnPlan, dateColumnKind } from '../../../src/hcpcs/service-date-columns';

describe('dateColumnKind', () => {
  it('recognises the headers of a date of service', () => {
    for (const h of ['Date of Service', 'DOS', 'Service Date', 'Svc Date', 'Dates of Service', 'Date(s) of Service', 'Serv Dt', 'serviceDate', '45 Service Date', 'svc_date']) {
      expect(dateColumnKind(h), h).toBe('service');
    }
  });

  it('recognises the ends of a service period, alone or under a grouping header', () => {
    for (const h of ['From', 'From Date', 'Date From', 'DOS From', 'Dates of Service From', '24A. Date(s) of Service From', 'Service From']) expect(dateColumnKind(h), h).toBe('from');
    for (const h of ['To', 'Thru', 'Through', 'To Date', 'DOS To', 'Dates of Service To', 'Service Thru']) expect(dateColumnKind(h), h).toBe('to');
  });

  it('never takes paid, check, receipt, birth, authorization, eligibility or inpatient dates', () => {
    const never = ['Paid Date', 'Check Date', 'Received', 'Date Received', 'Billed Date', 'Posted', 'Post Date', 'Date of Birth', 'DOB', 'Adjudicated', 'Adjudication Date',
      'Auth Start', 'Auth End', 'Authorization From', 'Auth To', 'Effective', 'Effective Date', 'Term', 'Term Date', 'Eligibility', 'Eligibility From', 'Admit', 'Admit Date',
      'Discharge', 'Discharge Date', 'Begin', 'End', 'Begin Date', 'End Date', 'Statement From', 'Hospitalization Dates From', 'Date', 'HCPCS', 'Code', 'Dx', 'Amount'];
    for (const h of never) expect(dateColumnKind(h), h).toBeUndefined();
  });
});

describe('columnPlan', () => {
  it('takes one service column, or a From and a To column as a period', () => {
    expect(columnPlan([undefined, 'service', undefined])).toEqual({ kind: 'single', column: 1 });
    expect(columnPlan(['from', 'to', undefined])).toEqual({ kind: 'period', from: 0, to: 1 });
  });

  it('stays silent when the columns are ambiguous', () => {
    expect(columnPlan(['service', 'service'])).toBeUndefined();
    expect(columnPlan(['from', undefined])).toBeUndefined();
    expect(columnPlan([undefined, 'to'])).toBeUndefined();
    expect(columnPlan(['from', 'to', 'from', 'to'])).toBeUndefined();
    expect(columnPlan(['service', 'from', 'to'])).toBeUndefined();
    expect(columnPlan(['to', 'from'])).toBeUndefined();
    expect(columnPlan([undefined, undefined])).toBeUndefined();
  });
});
