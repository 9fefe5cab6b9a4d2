import { describe, expect, it } from 'vitest';
import { fieldRole } from '../../../src/hcpcs/field-role';

describe('fieldRole', () => {
  it.each(['Dx', 'DX 1', 'Dx Code', 'ICD-10', 'ICD-10-CM code', 'Diagnosis', 'Diagnosis code 2', 'Diag', 'dxCode1', 'primary_dx', 'Diagnoses'])('%j holds diagnoses', (label) => {
    expect(fieldRole(label)).toBe('diagnosis');
  });

  it.each(['Modifier', 'Mod', 'Mod 1', 'MOD1', 'Mod-2', 'Modifiers', 'Mods', 'Mod(s)', 'modifier_1', 'mod2', 'Modifier 4'])('%j holds modifiers', (label) => {
    expect(fieldRole(label)).toBe('modifier');
  });

  it.each(['HCPCS', 'CPT/HCPCS', 'Code', 'Proc Code', 'Procedure', 'HCPCS Code', 'hcpcsCode', 'Service code'])('%j holds procedure codes', (label) => {
    expect(fieldRole(label)).toBe('code');
  });

  it.each(['Reason Code', 'Group code', 'Zip Code', 'Rev Code', 'Revenue code', 'Claim #', 'Model', 'Last modified', 'Amount', 'Date of service', '', null, undefined])(
    '%j says nothing about codes',
    (label) => {
      expect(fieldRole(label)).toBeUndefined();
    },
  );
});
