/**
 * X12 837/835 text as raw EDI viewers show it: segments ("SV1*HC:E1390:RR*…~")
 * of elements and components. The ISA segment that opens an interchange
 * declares the separators: the element separator is its 4th character, the
 * component separator its 16th element (":" or ">" …), the segment terminator
 * the character after that. In X12 only a composite qualified as a procedure
 * code ("HC:E1390:RR:KX", SV1/SV2/SV5/SVC) holds an HCPCS code and its
 * modifiers; the HI segment holds diagnosis codes (ABK:J1100 is J11.00).
 */
export interface X12Separators {
  element: string;
  component: string;
  segment: string;
}

/** Segment ids of the 837 and 835 that a viewer shows at the start of a segment. */
const SEGMENT_IDS: ReadonlySet<string> = new Set(
  ('ISA IEA GS GE ST SE BHT HL NM1 N1 N2 N3 N4 REF PER PRV SBR PAT DMG CLM DTP DTM CL1 PWK CN1 AMT K3 NTE CR1 CR2 CR3 CRC HI HCP ' +
    'LX SV1 SV2 SV3 SV4 SV5 SV6 SV7 SVC SVD TOO LIN CTP CAS OI MOA MIA BPR TRN CUR CLP PLB LQ QTY TS2 TS3 RDM PS1 FRM MEA MPI INS').split(' '),
);

/** "HC": HCPCS/CPT procedure code, the qualifier of SV101, SV202, SV501, SVC01 and SVD03. */
const PROCEDURE_QUALIFIERS: ReadonlySet<string> = new Set(['HC']);

/** Diagnosis qualifiers (ICD-10-CM principal, other, admitting, reason for visit; ICD-9). */
export const DIAGNOSIS_QUALIFIERS: ReadonlySet<string> = new Set(['ABK', 'ABF', 'ABJ', 'ABN', 'APR', 'ABZ', 'BK', 'BF', 'BJ', 'BN', 'PR']);

/** Reads the separators an ISA segment declares; undefined when `text` holds no ISA segment. */
export function readIsaSeparators(text: string): X12Separators | undefined {
  const at = text.search(/ISA[^A-Za-z0-9\s]/);
  if (at < 0) return undefined;
  const element = text[at + 3]!;
  // ISA has 16 elements, each after a separator; count them rather than assume the padded width of 106.
  let pos = at + 3;
  for (let n = 1; n < 16; n++) {
    pos = text.indexOf(element, pos + 1);
    if (pos < 0 || pos - at > 200) return undefined;
  }
  const component = text[pos + 1];
  let segment = text[pos + 2];
  if (component === undefined || segment === undefined || /[A-Za-z0-9 ]/.test(component)) return undefined;
  if (segment === '\r') segment = '\n';
  return { element, component, segment };
}

export interface X12Procedure {
  /** Index of the code in the text given. */
  start: number;
  code: string;
  modifiers: { code: string; start: number }[];
}

export interface X12Scan {
  /** Whether the text reads as X12: then nothing outside a procedure composite is a code. */
  isX12: boolean;
  procedures: X12Procedure[];
}

const SEGMENT_HEAD = /^\s*([A-Z][A-Z0-9]{1,2})([*|^!+])/;

/**
 * Scans one line of text as X12 when it reads as X12: one of its segments
 * starts with a known segment id and the element separator (the declared one,
 * or a usual one when the page shows no ISA segment). `cut`: the text was
 * cut from a longer line, so its first characters do not start a segment.
 */
export function scanX12(line: string, declared?: X12Separators, cut = false): X12Scan {
  const terminator = declared?.segment ?? '~';
  const segments: [number, number][] = [];
  let element = declared?.element;
  let isX12 = false;
  for (let from = 0; from <= line.length; ) {
    let to = line.indexOf(terminator, from);
    if (to < 0) to = line.length;
    segments.push([from, to]);
    const head = cut && from === 0 ? null : SEGMENT_HEAD.exec(line.slice(from, Math.min(to, from + 12)));
    if (head && SEGMENT_IDS.has(head[1]!) && (element === undefined || head[2] === element)) {
      element = head[2]!;
      isX12 = true;
    }
    from = to + 1;
  }
  if (!isX12 || element === undefined) return { isX12: false, procedures: [] };
  const procedures: X12Procedure[] = [];
  for (const [from, to] of segments) scanSegment(line, from, to, element, declared?.component, procedures);
  return { isX12: true, procedures };
}

function scanSegment(line: string, from: number, to: number, element: string, component: string | undefined, out: X12Procedure[]): void {
  const segment = line.slice(from, to);
  const id = segment.trimStart().split(element, 1)[0];
  // HI: health care diagnosis codes. Code-shaped values here are ICD-10-CM.
  if (id === 'HI') return;
  let pos = 0;
  for (const el of segment.split(element)) {
    const sep = component ?? inferComponentSeparator(el);
    if (sep) {
      const parts = el.split(sep);
      if (PROCEDURE_QUALIFIERS.has(parts[0]!) && parts[1] && /^(?:[A-V]\d{4}|\d{4}[\dFTU])$/.test(parts[1])) {
        let at = from + pos + parts[0]!.length + sep.length;
        const procedure: X12Procedure = { start: at, code: parts[1], modifiers: [] };
        at += parts[1].length + sep.length;
        for (const part of parts.slice(2, 6)) {
          if (!/^[A-Z0-9]{2}$/.test(part)) break;
          procedure.modifiers.push({ code: part, start: at });
          at += part.length + sep.length;
        }
        out.push(procedure);
      }
    }
    pos += el.length + element.length;
  }
}

/** Without an ISA segment, the component separator is whatever follows a known qualifier ("HC>E1390"). */
function inferComponentSeparator(el: string): string | undefined {
  const m = /^(?:HC|ABK|ABF|ABJ|ABN|APR|BK|BF)([^A-Za-z0-9\s])/.exec(el);
  return m?.[1];
}
