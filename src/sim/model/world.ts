import { SECTORS } from '../../scenario/sectors.ts';

const S = SECTORS.length;
const perSector = () => new Float64Array(S);

/**
 * The world as it stood at the end of a week: what every agent's hazards read
 * during the next week (synchronous update). Filled by the behaviours' census.
 */
export class World {
  // Workers
  readonly workers = perSector();
  readonly atRisk = perSector();
  readonly exploited = perSector();
  readonly employed = perSector();
  /** Share of people selling (sexual) or working who are victims. */
  readonly victimShare = perSector();
  /** Exploited workers held by each employer. */
  victimsOf = new Int32Array(0);
  /** People working (employed or exploited) for each employer. */
  workforceOf = new Int32Array(0);

  // Employers
  readonly exploiting = perSector();
  readonly activeEmployers = perSector();
  /** Places for trafficked labour an exploiting employer holds or seeks (¶12; in `sexual` it follows the client market). */
  readonly placesPerExploiter = perSector();
  /** Places exploiting employers hold or seek, filled or not. */
  readonly placesSought = perSector();
  /** The unfilled part: places exploiting employers still seek to fill with trafficked workers. */
  readonly vacancies = perSector();
  /** Share of output made with trafficked labour, overall and in the certified channel. */
  readonly taintedShare = perSector();
  readonly certifiedTaintedShare = perSector();
  /** Output share of hidden segments (subcontractors; private or online venues). */
  readonly hiddenOutputShare = perSector();
  /** Indices of exploiting and of active employers per sector, for matching. */
  exploiters: Int32Array[] = SECTORS.map(() => new Int32Array(0));
  /** Exploiting employers still short of the victims they seek. */
  openExploiters: Int32Array[] = SECTORS.map(() => new Int32Array(0));
  actives: Int32Array[] = SECTORS.map(() => new Int32Array(0));

  // Corporate buyers
  readonly certifiedShare = perSector();

  // Consumers and clients
  readonly consumerAvoidingShare = perSector();

  // Recruiters
  readonly exploitativeRecruiters = perSector();

  // Demand and markets
  readonly derivedDemand = perSector();
  readonly marketVolume = perSector();
  readonly consumerDemand = perSector();
  readonly hiddenVolume = perSector();
  /** Households and clients: aware (incl. avoiding), avoiding (clients: deterred), all. */
  readonly awareCount = perSector();
  readonly avoidingCount = perSector();
  readonly buyerPopulation = perSector();

  // Remembered signals (exponential moving averages per week)
  /** Cases opened per exploiting employer per week. */
  readonly employerCaseRate = perSector();
  /** Arrests per buying client per week. */
  readonly clientArrestRate = perSector();
  /** Share of employers reached by awareness campaigns (a stock, ¶25(a)). */
  employerAwareness = 0;

  /** Reference values at week 0, against which pressures are measured. */
  readonly ref = {
    atRiskShare: perSector(),
    marketVolume: perSector(),
    exploitativeRecruiters: perSector(),
  };
}
