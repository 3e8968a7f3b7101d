/**
 * `npx tsx scripts/bench-run.ts [--runs N] [--warmup W] [--weeks K] [--against DIR]`
 *
 * Wall time of whole default-world runs (`simulate(defaultScenario(), …)`,
 * burn-in included), the unit of work of a screening experiment. Prints the
 * median per run. With `--against DIR` it loads DIR's engine too (another
 * checkout of this project) and times the two in turns, run by run, in this
 * one process, so that drift in the machine's speed (other processes, heat)
 * falls on both alike; it also checks that both give the same numbers.
 * CPU time (this process's, which is this one thread) is printed beside the
 * wall time: on a shared machine it drifts less. Figures only: nothing here
 * asserts a timing.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Engine {
  label: string;
  run(seed: number, run: number, weeks?: number): Float64Array;
}

async function load(dir: string, label: string): Promise<Engine> {
  const url = (p: string) => pathToFileURL(resolve(dir, p)).href;
  const engine = await import(url('src/sim/engine.ts'));
  const scenarios = await import(url('src/scenario/load.ts'));
  const scenario = scenarios.defaultScenario();
  return {
    label,
    run: (seed, run, weeks) => engine.simulate(scenario, { seed, run, weeks }).values,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '9' },
      warmup: { type: 'string', default: '2' },
      weeks: { type: 'string' },
      against: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  const weeks = values.weeks === undefined ? undefined : Number(values.weeks);
  const engines = [await load(process.cwd(), 'this')];
  if (values.against) engines.push(await load(values.against, `against ${values.against}`));
  const times = engines.map(() => [] as number[]);
  const cpu = engines.map(() => [] as number[]);
  for (let r = -warmup; r < runs; r++) {
    // Alternate which engine goes first, so neither always follows the other's garbage.
    const order = r % 2 === 0 ? engines.map((_, i) => i) : engines.map((_, i) => i).reverse();
    const outs: Float64Array[] = [];
    for (const e of order) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      outs[e] = engines[e].run(1, r + warmup, weeks);
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (r >= 0) {
        times[e].push(ms);
        cpu[e].push((c.user + c.system) / 1000);
      }
    }
    if (outs.length === 2) {
      const [a, b] = outs;
      if (a.length !== b.length || a.some((x, i) => !Object.is(x, b[i]))) throw new Error(`run ${r + warmup}: the engines disagree`);
    }
  }
  for (let e = 0; e < engines.length; e++) {
    const ms = times[e];
    console.log(
      `${engines[e].label}: median ${median(ms).toFixed(0)} ms per run (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}, ${ms.length} runs); CPU median ${median(cpu[e]).toFixed(0)} ms`,
    );
  }
  if (engines.length === 2) {
    console.log(`speed-up: wall ${(median(times[1]) / median(times[0])).toFixed(2)}×, CPU ${(median(cpu[1]) / median(cpu[0])).toFixed(2)}×`);
  }
}

await main();
