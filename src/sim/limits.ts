import type { Scenario } from '../scenario/schema.ts';
import { SERIES_SHAPE } from './engine.ts';
import { ACTOR_TYPES } from './machines/index.ts';
import { SECTORS } from '../scenario/sectors.ts';
import { ROW } from './series.ts';

/**
 * Size limits derived from memory (issue 4 "Limits instead of crashes"): what a
 * run holds is bytes per agent × agents plus bytes per week × weeks, and a
 * request that would not fit is refused before anything starts, saying what fits.
 */

/**
 * Typed-array bytes per agent (state, prev, sector, trait, pending ×2, link,
 * flags, vacant, aux, and the engine's list of agents that may move with their
 * draws), doubled for growth.
 */
export const BYTES_PER_AGENT = 2 * (1 + 1 + 1 + 4 + 1 + 1 + 4 + 1 + 1 + 4 + 4 + 8);
/** Per employer, the world also counts its victims. */
export const BYTES_PER_EMPLOYER = 4;
/** Bytes one run's series holds per week: metric values, state counts and transition counts. */
export const BYTES_PER_WEEK = 8 * (ROW + ACTOR_TYPES.reduce((n, t) => n + SERIES_SHAPE[t].states * (1 + SERIES_SHAPE[t].events), 0));
/** Cases open at once, at most, as a share of the other agents (a generous bound for sizing). */
const CASE_SHARE = 0.05;

export interface Limits {
  /** Largest population (agents at set-up) one run may have. */
  readonly maxAgents: number;
  /** Memory one run (its agents and its series) may take. */
  readonly runBytes: number;
}

/** Command line: one run per thread, several threads. */
export const CLI_LIMITS: Limits = { maxAgents: 5_000_000, runBytes: 1024 ** 3 };
/**
 * The app: a run of this size (with its baseline) takes about 5-6 s on a 2-core
 * machine and keeps the page responsive; bigger runs belong on the command line.
 */
export const BROWSER_LIMITS: Limits = { maxAgents: 250_000, runBytes: 256 * 1024 ** 2 };

/** Agents a scenario creates at set-up (cases come later), as the behaviours create them. */
export function agentCount(s: Scenario): number {
  const A = s.assumptions;
  const agri = Math.round(A.population.consumers * A.population.consumerShareAgriculture);
  let n = 0;
  for (const sector of SECTORS) {
    const sa = A.sectors[sector];
    if (!sa.enabled) continue;
    n += sa.employers + sa.recruiters + sa.workers;
    if (sector === 'sexual') n += A.population.clients;
    else n += A.population.corporateBuyersPerSector + (sector === 'agriculture' ? agri : A.population.consumers - agri);
  }
  return n;
}

/** Memory one run of `s` takes, in bytes. */
export function runBytes(s: Scenario, weeks = s.weeks): number {
  const agents = agentCount(s);
  const employers = SECTORS.reduce((n, k) => n + (s.assumptions.sectors[k].enabled ? s.assumptions.sectors[k].employers : 0), 0);
  return agents * (1 + CASE_SHARE) * BYTES_PER_AGENT + employers * BYTES_PER_EMPLOYER + weeks * BYTES_PER_WEEK;
}

const mb = (b: number) => `${Math.ceil(b / 1024 ** 2).toLocaleString('en')} MB`;

export interface LimitProblem {
  path: string;
  expected: string;
  got: string;
  message: string;
}

/** Problems with the size of a run, each saying what fits; empty when it fits. */
export function checkLimits(s: Scenario, limits: Limits, weeks = s.weeks): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const agents = agentCount(s);
  if (agents > limits.maxAgents) {
    const expected = `at most ${limits.maxAgents.toLocaleString('en')} agents`;
    const got = `${agents.toLocaleString('en')} agents`;
    const cut = Math.ceil((100 * (agents - limits.maxAgents)) / agents);
    problems.push({ path: 'assumptions.population', expected, got, message: `assumptions.population: expected ${expected} in one run here, got ${got}; scale the populations down by ${cut}% or more` });
  }
  const bytes = runBytes(s, weeks);
  if (bytes > limits.runBytes) {
    const perAgent = BYTES_PER_AGENT * (1 + CASE_SHARE);
    const fit = Math.max(0, Math.floor((limits.runBytes - weeks * BYTES_PER_WEEK) / perAgent));
    const expected = `a run of at most ${mb(limits.runBytes)}`;
    problems.push({ path: 'assumptions.population', expected, got: mb(bytes), message: `assumptions.population: a run of ${agents.toLocaleString('en')} agents for ${weeks} weeks needs about ${mb(bytes)}; at most ${fit.toLocaleString('en')} agents fit in ${mb(limits.runBytes)}` });
  }
  return problems;
}
