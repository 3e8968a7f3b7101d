import { randomBeta } from 'd3';
import type { SimContext } from './context.ts';
import { draw, sequence } from '../rng.ts';
import { SECTOR_INFO, SECTORS } from '../../scenario/sectors.ts';
import type { Agents } from './agents.ts';
import type { Behaviour } from './behaviour.ts';
import { OFFENCE, TARGET, type CaseDesk } from './case-desk.ts';
import { COMPILED } from '../compile.ts';
import { eventIds, stateIds } from './ids.ts';
import { clamp01, deceptionProtection, pick, pos } from './util.ts';
import type { World } from './world.ts';

const S = stateIds('worker', ['at-risk', 'recruited', 'employed', 'exploited', 'identified', 'assisted']);
const E = eventIds('worker', ['recruit', 'place', 'entrap', 'worsen', 'quit', 'identify', 'escape', 'assist', 'deport', 'reintegrate', 'relapse', 'leave']);
const EMP = stateIds('employer', ['compliant', 'exploiting', 'under-investigation', 'closed']);
const CERTIFIED = stateIds('corporateBuyer', ['certified']).certified;
const HIDDEN = 1;
/** Worker flag: employed by a closed employer or by none, outside the bound of employed workers. */
const UNBOUNDED = 1;
const K = SECTORS.length;
/** Share of the initial non-victim workforce in the at-risk pool (illustrative). */
const INITIAL_AT_RISK = 0.25;

/**
 * Counts the victims and the working people (employed or exploited) of each
 * employer, indexed by employer + 1 (0: none). A behaviour does this once, at
 * its first census; from then on `apply` keeps the counts up to date, so that
 * the weekly census need not run over every worker.
 */
function countWorking(a: Agents, victims: Int32Array, working: Int32Array): void {
  victims.fill(0);
  working.fill(0);
  for (let i = 0, n = a.n; i < n; i++) countWorker(a.state[i], a.link[i], 1, victims, working);
}

/** Adds `by` to the counts of employer e (or of none, e = -1) for one worker in state s. */
function countWorker(s: number, e: number, by: number, victims: Int32Array, working: Int32Array): void {
  if (s === S.employed || s === S.exploited) {
    working[e + 1] += by;
    if (s === S.exploited) victims[e + 1] += by;
  }
}

/** The UNBOUNDED flag by worker state, to be and-ed with the employer's `closed`. */
const UNBOUNDED_IF_CLOSED = Uint8Array.from(COMPILED.worker.states, (_, s) => (s === S.employed ? UNBOUNDED : 0));

/**
 * Flags UNBOUNDED the employed workers whose employer is closed or gone (they
 * quit fast, beyond the bound of employed workers; `closed`, indexed by
 * employer + 1, holds employers' states now, which is what workers see next
 * week). A table look-up and an and, whatever the worker's state.
 */
function flagUnbounded(a: Agents, closed: Uint8Array, i: number): void {
  a.flags[i] = UNBOUNDED_IF_CLOSED[a.state[i]] & closed[a.link[i] + 1];
}

/**
 * Workers, potential or actual victims (¶7, ¶10, ¶13, ¶15(e)). trait =
 * vulnerability; link = current employer; aux = times trafficked so far (0
 * for a newcomer who took the place of one who left);
 * flags bit 0 = UNBOUNDED (employed by a closed employer or none; set by the
 * census, read by the engine).
 */
export function workerBehaviour(sim: SimContext, cases: CaseDesk) {
  const a = sim.agents.worker;
  const A = sim.scenario.assumptions;
  const W = A.workers;
  const I = sim.scenario.interventions;
  const wp = I.workerProtection;
  const regime = A.prostitution[I.prostitutionRegime];
  const world = sim.world;
  const employers = sim.agents.employer;
  const events = sim.stream(60);

  const lambda = new Float64Array(K);
  const entrap = new Float64Array(K);
  const police = new Float64Array(K);
  const self = new Float64Array(K);
  const protect = deceptionProtection(A, I);
  const protection = (wp.workerOrganisations + wp.migrantRights) / 2;
  // Per employer + 1 (0: none): victims and people working now, kept up to
  // date by `apply` from this behaviour's first census on (empty before it);
  // their copies as of the last census, which the world shows; closed.
  let victimsNow = new Int32Array(0);
  let workingNow = new Int32Array(0);
  let victims = new Int32Array(0);
  let workingFor = new Int32Array(0);
  let closed = new Uint8Array(0);
  /**
   * The workers who moved since the last census: a worker's UNBOUNDED flag
   * changes only when it moves or when some employer closes or reopens, so
   * most weeks the census flags these alone rather than every worker.
   */
  let moved = new Int32Array(0);
  let nMoved = 0;
  /** Whether the counts and flags are this behaviour's own yet (from its first census on). */
  let counting = false;

  /** Former victims are more exposed, unless organisations stay in touch (¶15(e)). */
  const formerRisk = (i: number) => (a.aux[i] > 0 ? W.retraffickedVulnerability * (1 - W.relapseProtection * protection) : 1);
  const visibility = (e: number) => (e >= 0 && employers.flags[e] & HIDDEN ? A.inspection.hiddenDetectionFactor : 1);
  /** Chance per week that the authorities find a victim of employer e: detection, police, self-report. */
  const routes = (i: number): [number, number, number] => {
    const e = a.link[i];
    const k = a.sector[i];
    const v = visibility(e);
    const detected = e >= 0 && employers.prev[e] === EMP['under-investigation'] ? A.inspection.victimIdOnDetection * v : 0;
    return [detected, police[k] * v, self[k]];
  };

  /** Probability of each event for agent i in state s, written at p[o + event] (zeroed). */
  function hazards(i: number, s: number, p: Float64Array, o: number): void {
    const k = a.sector[i];
    const v = a.trait[i];
    switch (s) {
      case S['at-risk']:
        p[o + E.recruit] = Math.min(0.9, (lambda[k] * formerRisk(i) + W.hireRate) * (0.5 + v));
        p[o + E.leave] = W.departureRate;
        break;
      case S.recruited: {
        const q = clamp01(entrap[k] * (0.5 + v));
        p[o + E.entrap] = q;
        p[o + E.place] = 1 - q;
        break;
      }
      case S.employed: {
        const e = a.link[i];
        const es = e >= 0 ? employers.prev[e] : EMP.closed;
        // Organised workers with rights of their own resist worse conditions or leave (¶15(e)).
        if (es === EMP.exploiting && world.victimsOf[e] < world.placesPerExploiter[k]) p[o + E.worsen] = W.worsenRate * (1 - protect) * formerRisk(i);
        p[o + E.quit] = W.turnover + (es === EMP.closed ? 0.5 : 0);
        p[o + E.leave] = W.departureRate;
        break;
      }
      case S.exploited: {
        const [d, pol, sr] = routes(i);
        p[o + E.identify] = 1 - (1 - d) * (1 - pol) * (1 - sr);
        const e = a.link[i];
        const held = e >= 0 && (employers.prev[e] === EMP.exploiting || employers.prev[e] === EMP['under-investigation']);
        p[o + E.escape] = W.escapeRate + (held ? 0 : W.releaseRate);
        break;
      }
      case S.identified:
        p[o + E.assist] = Math.min(0.8, W.assistRate * (1 + wp.migrantRights));
        p[o + E.deport] = W.deportRate * (1 - wp.migrantRights);
        break;
      case S.assisted:
        p[o + E.reintegrate] = W.reintegrateRate * (1 + wp.workerOrganisations);
        p[o + E.relapse] = W.relapseRate * (1 - W.relapseProtection * protection) * (0.5 + v);
        p[o + E.leave] = W.departureRate;
        break;
    }
  }

  /** What worker i's event `ev` in week w does besides its move: links, tallies, cases. */
  function move(i: number, ev: number, w: number): void {
    const k = a.sector[i];
    switch (ev) {
      case E.place:
        a.link[i] = pick(world.actives[k], draw(events, i, w));
        break;
      case E.entrap:
      case E.worsen:
        if (ev === E.entrap) {
          const u = draw(events, i, w);
          const e = pick(world.openExploiters[k], u);
          a.link[i] = e >= 0 ? e : pick(world.exploiters[k], u);
        }
        sim.tally('newlyTrafficked', k);
        if (a.aux[i] > 0) sim.tally('reTrafficked', k);
        a.aux[i] = Math.min(255, a.aux[i] + 1);
        break;
      case E.identify: {
        sim.tally('victimsIdentified', k);
        // Which route found the victim decides who reports (¶13).
        const [d, pol, sr] = routes(i);
        const u = draw(events, i, w) * (d + pol + sr);
        const e = a.link[i];
        if (u >= d && e >= 0) {
          if (u >= d + pol) sim.tally('reportsByWorkers', k);
          if (draw(events + 1, i, w) < A.enforcement.caseOpenShare) {
            cases.open(TARGET.employer, e, k, OFFENCE.exploitation, 0.4 + 0.5 * draw(events + 2, i, w));
          }
        }
        break;
      }
      case E.escape:
      case E.quit:
      case E.relapse:
        a.link[i] = -1;
        break;
      case E.deport:
      case E.leave:
        // The person leaves the destination; a newcomer, never trafficked, takes the place.
        a.link[i] = -1;
        a.aux[i] = 0;
        break;
    }
  }

  return {
    type: 'worker' as const,
    init() {
      const traits = randomBeta.source(sequence(sim.stream(8)))(2, 3);
      const setup = sequence(sim.stream(9));
      SECTORS.forEach((sector, k) => {
        const sa = A.sectors[sector];
        if (!sa.enabled) return;
        // Exploiting employers start with their victims; the rest of the
        // workforce is employed or in the at-risk pool.
        const holders: number[] = [];
        const actives: number[] = [];
        for (let e = 0; e < employers.n; e++) {
          if (employers.sector[e] !== k) continue;
          actives.push(e);
          if (employers.state[e] === EMP.exploiting) for (let j = 0; j < sa.victimsPerExploiter; j++) holders.push(e);
        }
        for (let j = 0; j < sa.workers; j++) {
          const i = sim.spawn('worker', k, traits());
          if (j < holders.length && j < sa.workers / 2) {
            a.state[i] = S.exploited;
            a.link[i] = holders[j];
            a.aux[i] = 1;
          } else if (setup() >= INITIAL_AT_RISK && actives.length > 0) {
            a.state[i] = S.employed;
            a.link[i] = actives[Math.floor(setup() * actives.length)];
          }
        }
      });
    },
    prepare() {
      SECTORS.forEach((sector, k) => {
        const ref = world.ref.exploitativeRecruiters[k];
        // Trafficking reaches workers directly or through exploitative recruiters.
        const channel = W.directShare + (1 - W.directShare) * (ref > 0 ? Math.min(3, world.exploitativeRecruiters[k] / ref) : world.exploitativeRecruiters[k] > 0 ? 1 : 0);
        // Only places exploiters still want filled draw victims in (¶12).
        lambda[k] = Math.min(0.5, (W.fillRate * world.vacancies[k] * channel) / Math.max(1, world.atRisk[k]));
        // Worker organisations and migrant rights help recruits see through deception (¶15(e)).
        lambda[k] *= 1 - protect;
        entrap[k] = lambda[k] / (lambda[k] + W.hireRate);
        const sexual = SECTOR_INFO[sector].clientMarket;
        police[k] = W.policeIdentification * (sexual ? regime.identification : 1);
        self[k] = W.selfReportRate * (1 + W.selfReportBoost * protection) * (sexual ? 1 - regime.sellerFear : 1);
      });
    },
    hazards: (i: number, s: number, p: Float64Array) => hazards(i, s, p, 0),
    unbounded: UNBOUNDED,
    fill(list: Int32Array, count: number, p: Float64Array, stride: number) {
      const state = a.state;
      for (let j = 0; j < count; j++) hazards(list[j], state[list[j]], p, j * stride);
    },
    bounds(out: Float64Array, nS: number) {
      // The largest value of each hazard over vulnerability 0 to 1, first or
      // former victims, every employer state and visibility.
      const risk = Math.max(1, W.retraffickedVulnerability * (1 - W.relapseProtection * protection));
      const seen = Math.max(1, A.inspection.hiddenDetectionFactor);
      const mr = wp.migrantRights;
      const identified = pos(Math.min(0.8, W.assistRate * (1 + mr))) + pos(W.deportRate * (1 - mr));
      const assisted = pos(W.reintegrateRate * (1 + wp.workerOrganisations)) + 1.5 * pos(W.relapseRate * (1 - W.relapseProtection * protection)) + pos(W.departureRate);
      for (let k = 0; k < K; k++) {
        const o = k * nS;
        out[o + S['at-risk']] = pos(Math.min(0.9, 1.5 * (pos(lambda[k]) * risk + pos(W.hireRate)))) + pos(W.departureRate);
        // Workers of a closed employer (quitting fast) are flagged UNBOUNDED.
        out[o + S.employed] = pos(W.worsenRate * (1 - protect)) * risk + pos(W.turnover) + pos(W.departureRate);
        const miss = (x: number) => 1 - Math.min(1, pos(x));
        const found = 1 - miss(A.inspection.victimIdOnDetection * seen) * miss(police[k] * seen) * miss(self[k]);
        out[o + S.exploited] = found + pos(W.escapeRate) + pos(W.releaseRate);
        out[o + S.identified] = identified;
        out[o + S.assisted] = assisted;
      }
    },
    apply(i: number, from: number, ev: number, to: number, w: number) {
      const before = a.link[i];
      move(i, ev, w);
      // Before the first census (at week 0 after burn-in) there is nothing to keep up to date yet.
      if (!counting) return;
      countWorker(from, before, -1, victimsNow, workingNow);
      countWorker(to, a.link[i], 1, victimsNow, workingNow);
      moved[nMoved++] = i;
    },
    census() {
      const counts = sim.counts.worker;
      const nS = counts.length / K;
      for (let k = 0; k < K; k++) {
        let all = 0;
        for (let s = 0; s < nS; s++) all += counts[k * nS + s];
        world.workers[k] = all;
        world.atRisk[k] = counts[k * nS + S['at-risk']];
        world.employed[k] = counts[k * nS + S.employed];
        world.exploited[k] = counts[k * nS + S.exploited];
      }
      const m = employers.n + 1;
      let everyWorker = !counting || victimsNow.length !== m || moved.length !== a.n;
      if (everyWorker) {
        [victimsNow, workingNow, victims, workingFor, closed] = [new Int32Array(m), new Int32Array(m), new Int32Array(m), new Int32Array(m), new Uint8Array(m)];
        moved = new Int32Array(a.n);
        countWorking(a, victimsNow, workingNow);
      }
      victims.set(victimsNow);
      workingFor.set(workingNow);
      closed[0] = 1;
      for (let e = 0; e < employers.n; e++) {
        const c = employers.state[e] === EMP.closed ? 1 : 0;
        if (closed[e + 1] !== c) everyWorker = true;
        closed[e + 1] = c;
      }
      if (everyWorker) for (let i = 0; i < a.n; i++) flagUnbounded(a, closed, i);
      else for (let j = 0; j < nMoved; j++) flagUnbounded(a, closed, moved[j]);
      nMoved = 0;
      counting = true;
      world.victimsOf = victims.subarray(1);
      world.workforceOf = workingFor.subarray(1);
      // Working people (employed or exploited) in certified supply chains.
      const certWorking = new Float64Array(K);
      const certExploited = new Float64Array(K);
      const buyerState = sim.agents.corporateBuyer.state;
      for (let e = 0; e < employers.n; e++) {
        const b = employers.link[e];
        if (b < 0 || buyerState[b] !== CERTIFIED) continue;
        certWorking[employers.sector[e]] += workingFor[e + 1];
        certExploited[employers.sector[e]] += victims[e + 1];
      }
      // Output made with trafficked labour follows the share of the workforce
      // that is exploited, overall and in certified supply chains.
      for (let k = 0; k < K; k++) {
        const working = world.exploited[k] + world.employed[k];
        world.victimShare[k] = working > 0 ? world.exploited[k] / working : 0;
        world.taintedShare[k] = world.victimShare[k];
        world.certifiedTaintedShare[k] = certWorking[k] > 0 ? certExploited[k] / certWorking[k] : 0;
      }
    },

    reference() {
      for (let k = 0; k < K; k++) world.ref.atRiskShare[k] = world.workers[k] > 0 ? world.atRisk[k] / world.workers[k] : 0;
    },
  } satisfies Behaviour & Record<string, unknown>;
}
