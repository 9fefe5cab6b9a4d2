/**
 * The date of service of a procedure in raw X12, paired within its
 * service-line loop, never across loops:
 * - 837P/837I/837 DME (SV1, SV2, SV5 in loop 2400, which each LX opens): the
 *   line's DTP*472 (D8 date or RD8 period). Other DTP qualifiers (471
 *   prescription, 463, 461, 607, 304 …) are other dates. Without one, the
 *   837I claim's DTP*434 statement period (loop 2300) is a fallback.
 * - 835 (SVC, loop 2110): the line's DTM*472, or its DTM*150/DTM*151 period;
 *   without them, the claim's DTM*232/DTM*233 (loop 2100) as a fallback.
 * Separators are the ones the ISA declares; without an ISA, "~" ends a
 * segment and the element separator is what follows the segment id.
 */
import { isoFromCms } from './dates';
import type { ServiceDate, ServiceDateSource } from './service-date';
import type { X12Separators } from './x12';

const LINE_837 = new Set(['SV1', 'SV2', 'SV5', 'SVD']);
/** Segments that close an 837 service line (the next line, claim, hierarchy or transaction). */
const END_837 = new Set(['LX', 'CLM', 'HL', 'SE', 'GE', 'IEA', 'ST']);
/** Segments that close an 835 service line. */
const END_835 = new Set(['SVC', 'CLP', 'LX', 'SE', 'GE', 'IEA', 'ST', 'PLB']);
/** How far to look for a loop's bounds: a service line has a few dozen segments at most. */
const MAX_SEGMENTS = 200;

interface Segment {
  id: string;
  elements: string[];
  start: number;
  end: number;
}

/** The date of service of the procedure code at `offset` of `text`, or undefined when its loop gives none (or is ambiguous). */
export function x12ServiceDate(text: string, offset: number, declared?: X12Separators): ServiceDate | undefined {
  const reader = new SegmentReader(text, declared);
  const line = reader.at(offset);
  if (!line) return undefined;
  if (line.id === 'SVC') return svcDate(reader, line);
  if (LINE_837.has(line.id)) return lxDate(reader, line);
  return undefined;
}

function lxDate(reader: SegmentReader, line: Segment): ServiceDate | undefined {
  // The loop runs from its LX (or the line itself) to the segment that closes it.
  let start = line;
  for (const s of reader.before(line)) {
    if (s.id === 'LX') start = s;
    if (END_837.has(s.id)) break;
  }
  const inLoop = takeUntil(reader.from(start), (s, i) => i > 0 && END_837.has(s.id)).filter((s) => s.id === 'DTP' && s.elements[1] === '472');
  if (inLoop.length > 0) return one(inLoop.map((s) => dtpDate(s, 'dtp-472')));
  const claim = [...reader.before(line)].find((s) => s.id === 'CLM' || s.id === 'HL' || s.id === 'ST');
  if (claim?.id !== 'CLM') return undefined;
  const header = takeUntil(reader.from(claim), (s, i) => i > 0 && (s.id === 'LX' || END_837.has(s.id)));
  return one(header.filter((s) => s.id === 'DTP' && s.elements[1] === '434').map((s) => dtpDate(s, 'dtp-434')));
}

function svcDate(reader: SegmentReader, line: Segment): ServiceDate | undefined {
  const loop = takeUntil(reader.from(line), (s, i) => i > 0 && END_835.has(s.id));
  const dtm = (q: string) => loop.filter((s) => s.id === 'DTM' && s.elements[1] === q);
  if (dtm('472').length > 0) return one(dtm('472').map((s) => dtmDate(s, 'dtm-472')));
  if (dtm('150').length > 0 || dtm('151').length > 0) return period(dtm('150'), dtm('151'), 'dtm-150-151');
  const claim = [...reader.before(line)].find((s) => s.id === 'CLP' || s.id === 'LX' || s.id === 'ST');
  if (claim?.id !== 'CLP') return undefined;
  const header = takeUntil(reader.from(claim), (s, i) => i > 0 && END_835.has(s.id));
  const q = (code: string) => header.filter((s) => s.id === 'DTM' && s.elements[1] === code);
  return period(q('232'), q('233'), 'dtm-232-233', true);
}

/** A start and an end segment (DTM*150/151, DTM*232/233): one of each, or only a start when `startAlone`. */
function period(starts: Segment[], ends: Segment[], source: ServiceDateSource, startAlone = false): ServiceDate | undefined {
  if (starts.length !== 1 || ends.length > 1 || (ends.length === 0 && !startAlone)) return undefined;
  const from = isoFromCms(starts[0]!.elements[2] ?? '');
  const to = ends[0] ? isoFromCms(ends[0].elements[2] ?? '') : undefined;
  if (!from || (ends[0] && !to) || (to && to < from)) return { source, unreadable: true };
  return to && to !== from ? { source, from, to } : { source, from };
}

/** DTP*472*D8*20260115, DTP*472*RD8*20260101-20260131. */
function dtpDate(s: Segment, source: ServiceDateSource): ServiceDate {
  return rangeDate(s.elements[2], s.elements[3], source);
}

/** DTM*472*20260115, or with a format qualifier: DTM*472*****RD8*20260101-20260131. */
function dtmDate(s: Segment, source: ServiceDateSource): ServiceDate {
  if (s.elements[5]) return rangeDate(s.elements[5], s.elements[6], source);
  return rangeDate('D8', s.elements[2], source);
}

function rangeDate(format: string | undefined, value: string | undefined, source: ServiceDateSource): ServiceDate {
  const v = value ?? '';
  if (format === 'D8') {
    const from = isoFromCms(v);
    return from ? { source, from } : { source, unreadable: true };
  }
  if (format === 'RD8') {
    const [a = '', b = ''] = v.split('-');
    const from = isoFromCms(a);
    const to = isoFromCms(b);
    if (!from || !to || to < from) return { source, unreadable: true };
    return to === from ? { source, from } : { source, from, to };
  }
  return { source, unreadable: true };
}

/** Several dates for one line agree, or the line has no single date. */
function one(dates: ServiceDate[]): ServiceDate | undefined {
  const keys = new Set(dates.map((d) => JSON.stringify(d)));
  return keys.size === 1 ? dates[0] : undefined;
}

function takeUntil(segments: Iterable<Segment>, stop: (s: Segment, i: number) => boolean): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  for (const s of segments) {
    if (stop(s, i++)) break;
    out.push(s);
  }
  return out;
}

/** Reads the segments around a position, one at a time, without splitting the whole text. */
class SegmentReader {
  readonly #text: string;
  readonly #terminator: string;
  #element: string | undefined;

  constructor(text: string, declared?: X12Separators) {
    this.#text = text;
    this.#terminator = declared?.segment ?? '~';
    this.#element = declared?.element;
  }

  /** The segment holding `pos`. */
  at(pos: number): Segment | undefined {
    if (pos < 0 || pos > this.#text.length) return undefined;
    const t = this.#text;
    const start = Math.max(t.lastIndexOf(this.#terminator, pos - 1), t.lastIndexOf('\n', pos - 1)) + 1;
    const ends = [t.indexOf(this.#terminator, pos), t.indexOf('\n', pos)].filter((e) => e >= 0);
    const end = ends.length > 0 ? Math.min(...ends) : t.length;
    return this.#segment(start, end);
  }

  *before(s: Segment): Generator<Segment> {
    let at = s.start;
    for (let n = 0; n < MAX_SEGMENTS && at > 0; n++) {
      const prev = this.at(at - 1);
      if (!prev) return;
      at = prev.start;
      if (prev.id) yield prev;
    }
  }

  *from(s: Segment): Generator<Segment> {
    let cur: Segment | undefined = s;
    for (let n = 0; cur && n < MAX_SEGMENTS; n++) {
      if (cur.id) yield cur;
      if (cur.end >= this.#text.length) return;
      cur = this.at(cur.end + 1);
    }
  }

  #segment(start: number, end: number): Segment {
    const raw = this.#text.slice(start, end).trim();
    const head = /^([A-Z][A-Z0-9]{1,2})([^A-Za-z0-9\s])/.exec(raw);
    if (head && this.#element === undefined) this.#element = head[2];
    const element = this.#element;
    const elements = head && element !== undefined && head[2] === element ? raw.split(element) : [];
    return { id: elements[0] ?? '', elements, start, end };
  }
}
