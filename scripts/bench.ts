/**
 * `npm run bench [-- --agents N --weeks W --ref-agents N --ref-weeks W --seed S --rounds R]`
 *
 * Agent-steps per second of the fast engine (compiled transition tables) and
 * of the reference engine (the same machines through xstate's interpreter), in
 * this process, on one core. The ratio is measured on the same (smaller)
 * scenario for both engines; the fast engine is also timed on the full-size
 * scenario (default 100,000 agents for 260 weeks). Figures only: nothing here
 * asserts a timing (issue 2, "Performance").
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { scenarioSchema, type Scenario, type ScenarioInput } from '../src/scenario/schema.ts';
import { ENGINE_VERSION, Simulation, type SimOptions } from '../src/sim/engine.ts';
import { ACTOR_TYPES } from '../src/sim/machines/index.ts';
import { SECTORS } from '../src/scenario/sectors.ts';

type Factory = (scenario: Scenario, options: SimOptions) => Simulation;

/** Default population of every type, from the schema itself. */
const DEFAULTS = scenarioSchema.parse({ name: 'defaults' }).assumptions;

/** The default scenario with every population scaled so the agents at set-up total about `agents`. */
export function scaledScenario(agents: number, weeks: number): Scenario {
  const p = DEFAULTS.population;
  const supplyChainSectors = SECTORS.filter((s) => 'subcontractorShare' in DEFAULTS.sectors[s]).length;
  const base =
    p.consumers +
    p.clients +
    p.corporateBuyersPerSector * supplyChainSectors +
    SECTORS.reduce((n, s) => n + DEFAULTS.sectors[s].employers + DEFAULTS.sectors[s].recruiters + DEFAULTS.sectors[s].workers, 0);
  const k = agents / base;
  const scale = (n: number) => Math.max(1, Math.round(n * k));
  const input: ScenarioInput = {
    name: `bench ${agents} agents`,
    weeks,
    assumptions: {
      population: { consumers: scale(p.consumers), clients: scale(p.clients), corporateBuyersPerSector: scale(p.corporateBuyersPerSector) },
      sectors: Object.fromEntries(
        SECTORS.map((s) => [s, { employers: scale(DEFAULTS.sectors[s].employers), recruiters: scale(DEFAULTS.sectors[s].recruiters), workers: scale(DEFAULTS.sectors[s].workers) }]),
      ),
    },
  };
  return scenarioSchema.parse(input);
}

/** Agents alive (cases included; freed case slots not). */
function liveAgents(sim: Simulation): number {
  let n = 0;
  for (const t of ACTOR_TYPES) {
    const a = sim.agents[t];
    n += a.n;
    for (let i = 0; i < a.n; i++) n -= a.vacant[i];
  }
  return n;
}

interface Measure {
  engine: string;
  agents: number;
  weeks: number;
  setupMs: number;
  stepMs: number;
  agentSteps: number;
}

/**
 * Times set-up and stepping separately; agent-steps count the agents alive in
 * each week stepped. Repeats the run (same seed and run, same work) until
 * stepping took at least `minMs`, so short runs give a stable rate.
 */
function measure(engine: string, make: Factory, scenario: Scenario, seed: number, minMs = 0): Measure {
  let setupMs = 0;
  let stepMs = 0;
  let agentSteps = 0;
  let agents = 0;
  let repeats = 0;
  do {
    const t0 = performance.now();
    const sim = make(scenario, { seed, run: 0 });
    setupMs += performance.now() - t0;
    agents = liveAgents(sim);
    while (sim.week < sim.weeks) {
      agentSteps += liveAgents(sim);
      const t = performance.now();
      sim.step();
      stepMs += performance.now() - t;
    }
    repeats++;
  } while (stepMs < minMs);
  return { engine, agents, weeks: scenario.weeks, setupMs: setupMs / repeats, stepMs: stepMs / repeats, agentSteps: agentSteps / repeats };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rate = (m: Measure) => m.agentSteps / (m.stepMs / 1000);

function table(rows: Measure[]): string {
  const head = ['engine', 'agents', 'weeks', 'set-up s', 'stepping s', 'agent-steps/s'];
  const body = rows.map((m) => [m.engine, fmt(m.agents), fmt(m.weeks), fmt(m.setupMs / 1000, 2), fmt(m.stepMs / 1000, 2), fmt(rate(m))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      agents: { type: 'string', default: '100000' },
      weeks: { type: 'string', default: '260' },
      'ref-agents': { type: 'string', default: '10000' },
      'ref-weeks': { type: 'string', default: '52' },
      seed: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '5' },
    },
  });
  const int = (name: keyof typeof values) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: expected a positive integer, got ${JSON.stringify(values[name])}`);
    return n;
  };
  const seed = int('seed');
  const big = scaledScenario(int('agents'), int('weeks'));
  const small = scaledScenario(int('ref-agents'), int('ref-weeks'));

  const fast: Factory = (s, o) => new Simulation(s, o);
  let reference: Factory | undefined;
  try {
    const mod = (await import('../src/sim/reference.ts')) as { createReferenceSimulation?: Factory };
    reference = mod.createReferenceSimulation;
  } catch {
    reference = undefined;
  }

  console.log(`engine ${ENGINE_VERSION}, Node ${process.version}, one thread, seed ${seed}`);
  measure('warm-up', fast, small, seed, 500); // let the JIT see the hot loops first
  const whole = measure('fast', fast, big, seed);
  if (!reference) {
    console.log('');
    console.log(table([whole, measure('fast', fast, small, seed, 1000)]));
    console.log('reference engine (src/sim/reference.ts) not found: ratio not measured');
    return;
  }
  // The machine's speed drifts by tens of percent over seconds, so the two
  // engines take turns, and the ratio of each round's pair is reported.
  const rounds = int('rounds');
  const pairs: [Measure, Measure][] = [];
  for (let r = 0; r < rounds; r++) pairs.push([measure('fast', fast, small, seed, 300), measure('reference (xstate)', reference, small, seed)]);
  const ratios = pairs.map(([f, x]) => rate(f) / rate(x));
  const order = ratios.map((_, r) => r).sort((x, y) => ratios[x] - ratios[y]);
  const middle = order[Math.floor(rounds / 2)];
  console.log('');
  console.log(table([whole, ...pairs[middle]]));
  console.log('');
  console.log(`fast engine, ${fmt(whole.agents)} agents x ${whole.weeks} weeks: ${fmt((whole.setupMs + whole.stepMs) / 1000, 2)} s wall (set-up included)`);
  const range = `${fmt(ratios[order[0]], 1)}-${fmt(ratios[order[rounds - 1]], 1)}x`;
  console.log(
    `fast / reference on the same ${fmt(pairs[0][1].agents)}-agent scenario: ${fmt(ratios[middle], 1)}x, the median of ${rounds} rounds (range ${range}; target: at least 50x)`,
  );
}

// Runs as `npm run bench`, not when another script imports scaledScenario.
if (process.argv[1]?.endsWith('bench.ts') && import.meta.url === pathToFileURL(process.argv[1]).href) main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
