import type { SimContext } from './context.ts';
import { draw } from '../rng.ts';
import { SECTORS } from '../../scenario/sectors.ts';
import type { Behaviour } from './behaviour.ts';
import { OFFENCE, TARGET, type CaseDesk, type Offence, type Target } from './case-desk.ts';
import { eventIds, stateIds } from './ids.ts';
import { clamp01, pick } from './util.ts';

const S = stateIds('case', ['opened', 'investigating', 'charged', 'convicted', 'acquitted', 'dropped']);
const E = eventIds('case', ['assign', 'charge', 'drop', 'convict', 'acquit']);
const EMP = eventIds('employer', ['investigate', 'convict', 'clear']);
const CLI = eventIds('client', ['release']);

const ASSIGNABLE = 1;

const OPENED = ['casesAgainstClients', 'casesAgainstEmployers', 'casesAgainstRecruiters'] as const;
const CONVICTED = ['convictionsOfClients', 'convictionsOfEmployers', 'convictionsOfRecruiters'] as const;

interface Spawn { target: Target; index: number; sector: number; offence: Offence; evidence: number }

/**
 * Investigations (¶16, ¶36, ¶38). link = target index; aux packs target type,
 * offence and the week opened; trait = strength of evidence. Cases wait in a
 * first-come queue for police and prosecution capacity.
 */
export function caseBehaviour(sim: SimContext) {
  const a = sim.agents.case;
  const A = sim.scenario.assumptions;
  const en = A.enforcement;
  const cu = sim.scenario.interventions.criminaliseUse;
  const world = sim.world;
  const reportStream = sim.stream(30);
  const free: number[] = [];
  let queued: Spawn[] = [];
  let week = 0;
  let reportCounter = 0;
  const capacity = Math.round((en.capacityPer10kWorkers * SECTORS.reduce((n, s) => n + (A.sectors[s].enabled ? A.sectors[s].workers : 0), 0)) / 10_000);

  const knowledge = { actual: en.convictionActual, 'reason-to-believe': en.convictionReasonToBelieve, inferred: en.convictionInferred }[cu.knowledge];
  /** Conviction probability for the use offence at average evidence (¶20, ¶36). */
  const useConviction =
    cu.variant === 'none' ? 0 : clamp01(knowledge * (cu.variant === 'exploitation-conditions' ? en.conditionsMultiplier : 1));
  const useCoversEmployers = cu.variant !== 'none' && cu.scope !== 'clients';
  const employerConviction = 1 - (1 - en.exploitationConviction) * (1 - (useCoversEmployers ? useConviction : 0));
  const baseConviction = (target: number, offence: number) =>
    offence === OFFENCE.use ? useConviction
    : offence === OFFENCE.buying ? en.buyingConviction
    : target === TARGET.employer ? employerConviction
    : en.exploitationConviction;

  const targetOf = (i: number) => (a.aux[i] & 3) as Target;
  const offenceOf = (i: number) => ((a.aux[i] >> 2) & 3) as Offence;
  const bornOf = (i: number) => a.aux[i] >> 4;

  /** Probability of each event for agent i in state s, written at p[o + event] (zeroed). */
  function hazards(i: number, s: number, p: Float64Array, o: number): void {
    const evidence = a.trait[i];
    if (s === S.opened) {
      if (a.flags[i] & ASSIGNABLE) p[o + E.assign] = 1;
      else p[o + E.drop] = en.staleRate;
    } else if (s === S.investigating) {
      p[o + E.charge] = en.chargeRate * evidence;
      p[o + E.drop] = en.dropRate * (1 - evidence);
    } else if (s === S.charged) {
      const conviction = clamp01(baseConviction(targetOf(i), offenceOf(i)) * (0.5 + evidence));
      p[o + E.convict] = en.trialRate * conviction;
      p[o + E.acquit] = en.trialRate * (1 - conviction);
    }
  }

  const behaviour = {
    type: 'case' as const,
    useConviction,
    employerConviction,
    init() {},
    start() {
      // Slots freed before the interventions took effect can be reused.
      free.length = 0;
      for (let i = a.n - 1; i >= 0; i--) if (a.vacant[i]) free.push(i);
    },
    /** Opens a case next week against a known target. */
    open(target: Target, index: number, sector: number, offence: Offence, evidence: number) {
      queued.push({ target, index, sector, offence, evidence });
      sim.tally('casesOpened', sector);
      sim.tally(OPENED[target], sector);
      if (target === TARGET.employer) sim.agents.employer.aux[index]++;
    },
    /** A report or a lead names no one in particular: it may open a case against an exploiting employer of the sector. */
    report(_source: 'client' | 'consumer' | 'police', sector: number, _reporter: number, evidence: number) {
      const n = reportCounter++;
      if (draw(reportStream, n, week) >= en.tipLeadShare) return;
      const employer = pick(world.exploiters[sector], draw(reportStream + 1, n, week));
      if (employer >= 0) behaviour.open(TARGET.employer, employer, sector, OFFENCE.exploitation, evidence * draw(reportStream + 2, n, week) + 0.2);
    },
    prepare(w: number) {
      week = w;
      reportCounter = 0;
      // Finished cases free their slots; the queue is served oldest first.
      const waiting: number[] = [];
      let investigating = 0;
      for (let i = 0; i < a.n; i++) {
        if (a.vacant[i]) continue;
        const s = a.state[i];
        if (s === S.convicted || s === S.acquitted || s === S.dropped) {
          sim.vacate('case', i);
          free.push(i);
        } else if (s === S.opened) {
          a.flags[i] = 0;
          waiting.push(i);
        } else if (s === S.investigating) investigating++;
      }
      waiting.sort((x, y) => bornOf(x) - bornOf(y) || x - y);
      const slots = Math.max(0, capacity - investigating);
      for (let j = 0; j < Math.min(slots, waiting.length); j++) a.flags[waiting[j]] = ASSIGNABLE;
    },
    hazards: (i: number, s: number, p: Float64Array) => hazards(i, s, p, 0),
    fill(list: Int32Array, count: number, p: Float64Array, stride: number) {
      const state = a.state;
      for (let j = 0; j < count; j++) hazards(list[j], state[list[j]], p, j * stride);
    },
    apply(i: number, _from: number, ev: number, to: number) {
      const k = a.sector[i];
      const target = targetOf(i);
      const index = a.link[i];
      if (ev === E.assign) {
        if (target === TARGET.employer) sim.force('employer', index, EMP.investigate);
        return;
      }
      if (ev === E.charge) {
        sim.tally('prosecutions', k);
        return;
      }
      if (to === S.convicted) {
        sim.tally('convictions', k);
        sim.tally(CONVICTED[target], k);
      }
      // The case has ended: tell its target.
      if (target === TARGET.employer) {
        sim.agents.employer.aux[index] = Math.max(0, sim.agents.employer.aux[index] - 1);
        sim.force('employer', index, to === S.convicted ? EMP.convict : EMP.clear);
      } else if (target === TARGET.client) {
        sim.force('client', index, CLI.release);
      }
    },
    endWeek(w: number) {
      for (const c of queued) {
        const i = sim.spawn('case', c.sector, clamp01(c.evidence), free.length > 0 ? free.pop()! : -1);
        a.link[i] = c.index;
        a.aux[i] = c.target | (c.offence << 2) | (w << 4);
      }
      queued = [];
    },
    census() {},
  } satisfies Behaviour & CaseDesk & Record<string, unknown>;
  return behaviour;
}
