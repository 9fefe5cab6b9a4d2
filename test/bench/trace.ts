/**
 * Performance traces of a page (CDP Tracing, the events DevTools' Performance
 * panel records) and what the bench reads from them: the page renderer's main
 * thread, its tasks, and which of its script runs were the extension's.
 *
 * Attribution: a script run that names its script (EvaluateScript,
 * FunctionCall: event listeners, timers, animation frames, observers,
 * extension API callbacks) is the extension's when that script is one of its
 * files. Promise continuations run in a microtask checkpoint that names no
 * script (RunMicrotasks); the pages the bench generates run no script of
 * their own, so a checkpoint there belongs to whoever queued it: the
 * extension, unless a foreign script ran in the same task.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; name?: string; fileName?: string; [key: string]: unknown };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'v8', 'blink.user_timing', '__metadata'];

/** Starts tracing through a page's CDP session; the returned function stops it and gives the events. */
export async function startTrace(session: CDPSession, options: { samples?: boolean } = {}): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  // Protocol types the events as string maps; they are trace events.
  const collect = (e: { value: unknown[] }) => events.push(...(e.value as TraceEvent[]));
  session.on('Tracing.dataCollected', collect);
  // JavaScript samples (for profiling, not for figures: the sampler slows what it measures).
  const categories = options.samples ? [...CATEGORIES, 'disabled-by-default-v8.cpu_profiler'] : CATEGORIES;
  await session.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' } });
  return async () => {
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await complete;
    session.off('Tracing.dataCollected', collect);
    return events;
  };
}

/** Events that run script: the outermost of them in a task is one run. */
const SCRIPT_RUNS = ['EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'v8.callFunction', 'v8.run', 'v8.evaluateModule'];

/** The steps of a frame's rendering update that script can force early. */
const RENDERING_STEPS = ['UpdateLayoutTree', 'Layout', 'PrePaint'];

/** Microseconds (trace clock) → milliseconds. */
const ms = (us: number) => us / 1000;

export interface Slice {
  name: string;
  start: number;
  end: number;
}

/** The main thread of the renderer showing a page, from its frames' commits in the trace. */
export class MainThread {
  readonly pid: number;
  readonly tid: number;
  /** Complete events of the thread, in time order. */
  readonly events: TraceEvent[];
  /** Top-level tasks (what the Long Tasks API and DevTools call a task). */
  readonly tasks: TraceEvent[];

  constructor(events: readonly TraceEvent[], urlPart: string) {
    const frames = events.flatMap((e) => {
      const data = e.args?.data as { frames?: { url?: string; processId?: number }[]; url?: string; processId?: number } | undefined;
      if (e.name === 'TracingStartedInBrowser') return data?.frames ?? [];
      if (e.name === 'FrameCommittedInBrowser') return data ? [data] : [];
      return [];
    });
    const pid = frames.filter((f) => f.url?.includes(urlPart) && f.processId).at(-1)?.processId;
    if (pid === undefined) throw new Error(`no renderer for ${urlPart} in the trace`);
    const thread = events.find((e) => e.ph === 'M' && e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    if (!thread) throw new Error(`no main thread in renderer ${pid}`);
    this.pid = pid;
    this.tid = thread.tid;
    this.events = events.filter((e) => e.pid === pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
    this.tasks = outermost(this.events.filter((e) => e.name === 'RunTask'));
    this.runs = outermost(this.events.filter((e) => SCRIPT_RUNS.includes(e.name)));
  }

  /** Outermost script runs (see SCRIPT_RUNS), in time order. */
  readonly runs: TraceEvent[];

  /** Events starting within [from, to) (µs), by binary search. */
  between<T extends TraceEvent>(list: readonly T[], from: number, to: number): T[] {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.ts < from) lo = mid + 1;
      else hi = mid;
    }
    const out: T[] = [];
    for (let i = lo; i < list.length && list[i]!.ts < to; i++) out.push(list[i]!);
    return out;
  }

  /** Script runs inside a task. */
  runsIn(task: TraceEvent): TraceEvent[] {
    return this.between(this.runs, task.ts, task.ts + task.dur!);
  }

  /** Whether a script run is an animation-frame callback. */
  inAnimationFrame(run: TraceEvent): boolean {
    return this.between(this.events, run.ts - 200, run.ts + 1).some((e) => e.name === 'FireAnimationFrame' && e.ts <= run.ts && run.ts + run.dur! <= e.ts + e.dur!);
  }

  /** Style recalculation, layout and pre-paint inside an event, µs. */
  renderingStepsIn(event: TraceEvent): number {
    const inner = outermost(this.between(this.events, event.ts, event.ts + event.dur!).filter((e) => RENDERING_STEPS.includes(e.name)));
    return inner.reduce((s, e) => s + e.dur!, 0);
  }

  /** Events named `names` not inside another of them. */
  outermost(names: readonly string[]): TraceEvent[] {
    return outermost(this.events.filter((e) => names.includes(e.name)));
  }

  /** Tasks starting in [from, to) (trace clock, µs). */
  tasksBetween(from: number, to: number): TraceEvent[] {
    return this.between(this.tasks, from, to);
  }
}

function outermost(sorted: readonly TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of sorted) {
    if (e.ts >= end) {
      out.push(e);
      end = e.ts + e.dur!;
    }
  }
  return out;
}

/** Who ran a script: the world (v8.* events name isolated worlds) or the script URL, from the run or the events inside it. */
function identities(thread: MainThread, run: TraceEvent): string[] {
  const out: string[] = [];
  for (const e of thread.between(thread.events, run.ts, run.ts + run.dur!)) {
    const world = e.args?.worldName;
    const url = e.args?.data?.url ?? e.args?.fileName;
    if (typeof world === 'string' && world !== '') out.push(`world:${world}`);
    if (typeof url === 'string' && url !== '') out.push(`url:${url}`);
  }
  return out;
}

export interface Owner {
  /** The extension's isolated world name (its manifest name). */
  world: string;
  /** Its files' URL prefix, chrome-extension://<id>/. */
  origin: string;
}

type RunOwner = 'ours' | 'foreign' | 'checkpoint';

function ownerOf(thread: MainThread, run: TraceEvent, owner: Owner): RunOwner {
  const ids = identities(thread, run);
  if (ids.some((id) => id === `world:${owner.world}` || id.startsWith(`url:${owner.origin}`))) return 'ours';
  if (ids.length > 0) return 'foreign';
  // A microtask checkpoint names nobody; any other script run without a name is the bench's (CDP evaluations).
  return run.name === 'RunMicrotasks' ? 'checkpoint' : 'foreign';
}

export interface ScriptWork {
  /**
   * Main-thread time in the extension's script runs, with the GC, hit tests,
   * style and layout they cause, ms. The rendering steps an animation-frame
   * callback forces (style, layout, pre-paint: a hit test needs them clean)
   * are the frame's own, done early: the frame runs them right after its
   * callbacks anyway, and highlights change neither style nor layout. They
   * are left out, and counted in `frameWork`.
   */
  total: number;
  /** The frame's own style, layout and pre-paint, run early inside the extension's animation-frame callbacks, ms. */
  frameWork: number;
  /** The most of it in one task, ms. */
  longest: number;
  /** Tasks it ran in. */
  tasks: number;
}

/** The extension's script work on a thread, in tasks starting within [from, to] (µs). */
export function scriptWork(thread: MainThread, owner: Owner, from = -Infinity, to = Infinity): ScriptWork {
  const perTask: number[] = [];
  let frameWork = 0;
  for (const task of thread.tasksBetween(from, to)) {
    let ours = 0;
    let foreignBefore = false;
    for (const run of thread.runsIn(task)) {
      const who = ownerOf(thread, run, owner);
      // A checkpoint runs what the scripts before it in the task queued: the extension's unless a foreign script ran.
      if (who === 'ours' || (who === 'checkpoint' && !foreignBefore)) {
        const early = thread.inAnimationFrame(run) ? thread.renderingStepsIn(run) : 0;
        ours += run.dur! - early;
        frameWork += early;
      }
      if (who === 'foreign') foreignBefore = true;
    }
    if (ours > 0) perTask.push(ours);
  }
  return { total: ms(perTask.reduce((a, b) => a + b, 0)), frameWork: ms(frameWork), longest: ms(Math.max(0, ...perTask)), tasks: perTask.length };
}

export interface WindowWork {
  /** Main-thread time of every task in the window (script, style, layout, paint, GC), less the bench's own script, ms. */
  total: number;
  /** The longest such task, ms. */
  longest: number;
  tasks: number;
}

/**
 * Everything the main thread did in tasks starting within [from, to] (µs),
 * less the script runs of `exclude` (the bench's probes): on an idle page,
 * the work one action caused, whoever's code ran it.
 */
export function windowWork(thread: MainThread, from: number, to: number, owner: Owner, exclude: 'foreign' | 'none' = 'foreign'): WindowWork {
  const durations = thread.tasksBetween(from, to).map((task) => {
    if (exclude === 'none') return task.dur!;
    return task.dur! - thread.runsIn(task).filter((r) => ownerOf(thread, r, owner) === 'foreign').reduce((s, r) => s + r.dur!, 0);
  });
  const counted = durations.filter((d) => d > 0);
  return { total: ms(counted.reduce((a, b) => a + b, 0)), longest: ms(Math.max(0, ...counted)), tasks: counted.length };
}

/** Trace clock (µs) of a user-timing mark made with performance.mark(name) in the page. */
export function markTime(events: readonly TraceEvent[], name: string): number | undefined {
  return events.find((e) => e.cat.includes('blink.user_timing') && e.name === name)?.ts;
}
