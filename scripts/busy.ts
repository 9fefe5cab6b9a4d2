/**
 * npx tsx scripts/busy.ts [--per-core N] [command …]
 *
 * Keeps the machine busy the way a shared CI runner or a user's laptop with
 * other work is: N busy loops per core (two by default), each a node process
 * spinning forever. With a command (`npx tsx scripts/busy.ts npm test`) the
 * loops run while it runs and stop when it ends, and its exit code is
 * returned; without one they run until Ctrl+C. The tests must pass like this:
 * they wait for state, never for time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

// Options come first; everything after them is the command, its own options untouched.
const argv = process.argv.slice(2);
const given = argv[0] === '--per-core' ? argv[1] : '2';
const positionals = argv[0] === '--per-core' ? argv.slice(2) : argv;
const perCore = Number(given);
if (!Number.isInteger(perCore) || perCore < 1) throw new Error(`--per-core must be a whole number of at least 1, not ${given}`);

const loops: ChildProcess[] = [];
for (let i = 0; i < availableParallelism() * perCore; i++) loops.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
const stop = () => {
  for (const loop of loops) loop.kill();
};
process.on('SIGINT', () => (stop(), process.exit(130)));
process.on('SIGTERM', () => (stop(), process.exit(143)));
console.log(`${loops.length} busy loops (${perCore} per core) running${positionals.length ? `: ${positionals.join(' ')}` : '; Ctrl+C stops them'}`);

if (positionals.length > 0) {
  const [command, ...args] = positionals;
  const child = spawn(command!, args, { stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    stop();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
