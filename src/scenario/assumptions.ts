import * as z from 'zod';
import { group, num } from './define.ts';
import { PROSTITUTION_REGIMES, type ProstitutionRegime } from './interventions.ts';
import { SECTOR_INFO, SECTORS, type Sector } from './sectors.ts';

/**
 * Everything that is not a policy choice (MODEL.md "Assumptions"). Each number
 * has a unit, a default, a valid range, a meaning and a source or the word
 * `illustrative`. None of them is a finding of the source paper.
 */

const I = 'illustrative';
const perWeek = 'probability per week';

const population = group(
  {
    consumers: num({ default: 20_000, min: 0, max: 2_000_000, integer: true, unit: 'households', description: 'households buying farm and factory goods', source: I, paragraphs: '¶10-11' }),
    consumerShareAgriculture: num({ default: 0.5, min: 0, max: 1, unit: 'share of households', description: 'share of households whose modelled purchases are farm goods (the rest buy factory goods)', source: I }),
    clients: num({ default: 3000, min: 0, max: 1_000_000, integer: true, unit: 'men', description: 'men in the market for commercial sex (some buying at any time)', source: '6-13% of men have ever paid for sex (UK and Nordic population surveys); scaled to this population, illustrative' }),
    corporateBuyersPerSector: num({ default: 20, min: 1, max: 10_000, integer: true, unit: 'firms per sector', description: 'brands, retailers and importers in each goods sector', source: I, paragraphs: '¶14(b)' }),
  },
  'Population sizes (agents)',
);

interface SectorDefaults {
  employers: number; recruiters: number; workers: number; profit: number; profitSource: string;
  victims: number; victimsSource: string; exploiting: number; subcontractors: number; moral: number;
}

const SECTOR_DEFAULTS: Record<Sector, SectorDefaults> = {
  sexual: {
    employers: 300, recruiters: 80, workers: 1800, profit: 27_000,
    profitSource: 'ILO 2024: about USD 10,000 per victim per year on average, far higher in sexual exploitation; order of magnitude, illustrative',
    victims: 3, victimsSource: 'Dank et al. 2014: about 3 victims per pimp', exploiting: 0.3, subcontractors: 0, moral: 30_000,
  },
  agriculture: {
    employers: 600, recruiters: 120, workers: 9000, profit: 5_000,
    profitSource: 'ILO 2024 average about USD 10,000 per victim per year; lower in agriculture, illustrative',
    victims: 8, victimsSource: I, exploiting: 0.1, subcontractors: 0.4, moral: 280_000,
  },
  manufacturing: {
    employers: 600, recruiters: 120, workers: 9000, profit: 10_000,
    profitSource: 'ILO 2024: about USD 10,000 per victim per year on average; illustrative',
    victims: 10, victimsSource: I, exploiting: 0.1, subcontractors: 0.5, moral: 500_000,
  },
};

function sectorGroup(sector: Sector) {
  const d = SECTOR_DEFAULTS[sector];
  const base = {
    enabled: z.boolean().default(true).meta({ unit: 'yes/no', description: `simulate the ${sector} sector`, source: 'scenario choice' }),
    employers: num({ default: d.employers, min: 0, max: 200_000, integer: true, unit: 'firms', description: sector === 'sexual' ? 'venue owners and pimps' : 'farms, factories and subcontractors', source: I, paragraphs: '¶14(a)' }),
    recruiters: num({ default: d.recruiters, min: 0, max: 50_000, integer: true, unit: 'agencies', description: 'recruiters, agents and transporters serving the sector', source: I, paragraphs: '¶14(c)' }),
    workers: num({ default: d.workers, min: 0, max: 2_000_000, integer: true, unit: 'workers', description: 'workers in or at risk of entering the sector', source: I }),
    profitPerVictimYear: num({ default: d.profit, min: 0, max: 1_000_000, unit: 'USD per victim per year', description: 'illegal profit an exploiter makes from one trafficked worker (the cost advantage, ¶12)', source: d.profitSource, paragraphs: '¶12' }),
    victimsPerExploiter: num({ default: d.victims, min: 1, max: 500, unit: 'victims per exploiting employer', description: 'trafficked workers an exploiting employer seeks to hold', source: d.victimsSource }),
    initialExploitingShare: num({ default: d.exploiting, min: 0, max: 1, unit: 'share of employers', description: 'employers exploiting in week 0', source: I }),
    moralCost: num({ default: d.moral, min: 0, max: 100_000_000, unit: 'USD per year', description: 'what exploiting costs an average employer in conscience and reputation, weighed against the gain (sets how many exploit when nothing else deters)', source: I }),
  };
  if (!SECTOR_INFO[sector].supplyChain) return group(base, `Sector: ${sector}`);
  return group(
    {
      ...base,
      subcontractorShare: num({ default: d.subcontractors, min: 0, max: 1, unit: 'share of employers', description: 'employers that are unregistered subcontractors (the hidden segment), supplying a buyer through a direct supplier', source: I, paragraphs: '¶15(c), ¶32' }),
    },
    `Sector: ${sector}`,
  );
}

const sectors = group(
  Object.fromEntries(SECTORS.map((s) => [s, sectorGroup(s)])) as { [S in Sector]: ReturnType<typeof sectorGroup> },
  'Per-sector sizes and economics (¶5, ¶25(c))',
);

const market = group(
  {
    unitsPerConsumerWeek: num({ default: 1, min: 0, max: 100, unit: 'units per household per week', description: 'farm or factory goods a household buys', source: I, paragraphs: '¶11' }),
    transactionsPerClientWeek: num({ default: 1, min: 0, max: 20, unit: 'transactions per buying client per week', description: 'purchases of commercial sex by a client who is buying', source: I }),
    demandElasticity: num({ default: 0.3, min: 0, max: 2, unit: 'elasticity', description: 'how strongly farm and factory exploiters\' expected gain follows the final market for their goods (low: consumer demand is not decisive, ¶11)', source: I, paragraphs: '¶11-12' }),
    labourSupplyElasticity: num({ default: 0.5, min: 0, max: 2, unit: 'elasticity', description: 'how strongly the pool of vulnerable, cheap labour raises what exploitation is worth (¶7)', source: I, paragraphs: '¶7' }),
    sexMarketElasticity: num({ default: 1, min: 0, max: 2, unit: 'elasticity', description: 'how strongly the places pimps and venue owners seek follow the client market, against the market with no restriction (their demand comes from clients, ¶12, ¶17)', source: I, paragraphs: '¶12, ¶17' }),
    avoidanceCut: num({ default: 0.8, min: 0, max: 1, unit: 'share of purchases', description: 'share of its usual purchases an avoiding household forgoes or replaces with untainted alternatives where no certified goods exist', source: I }),
    certifiedPriceEffect: num({ default: 0.5, min: 0, max: 1, unit: 'share', description: 'how much a fully price-sensitive household is held back from acting on its concern by the price of certified goods', source: I }),
    subcontractorDisplacement: num({ default: 0.5, min: 0, max: 1, unit: 'share', description: 'share of the work a screening buyer\'s direct suppliers would do with trafficked labour that moves down the chain to its subcontractors (what they gain, the direct suppliers give up)', source: I, paragraphs: '¶32' }),
  },
  'Markets and prices (¶7, ¶10-12)',
);

const awareness = group(
  {
    mediaBaseline: num({ default: 0.0005, min: 0, max: 0.1, unit: perWeek, description: 'chance an unaware person becomes aware without any campaign', source: I }),
    decay: num({ default: 0.02, min: 0, max: 1, unit: perWeek, description: 'chance an aware person stops thinking about it (half-life of about 35 weeks at 0.02)', source: I, paragraphs: '¶15(a)' }),
    attitudeToAction: num({ default: 0.015, min: 0, max: 1, unit: perWeek, description: 'chance an aware household starts avoiding tainted goods (the attitude-behaviour gap)', source: 'consumer-ethics surveys: about 25-30% say they care, about 2-3% of purchases follow' }),
    lapse: num({ default: 0.06, min: 0, max: 1, unit: perWeek, description: 'chance an avoiding household slips back to buying as before', source: 'consumer-ethics surveys (a gap of about 10 to 1 between stated and actual ethical purchasing); with attitudeToAction about 1 in 5 aware households avoid at a time, of whom part buy only partly ethically' }),
    certifiedBoost: num({ default: 1, min: 0, max: 10, unit: 'multiplier', description: 'extra uptake of avoidance when all buyers in the sector sell certified goods', source: I, paragraphs: '¶15(c)' }),
    cohortTurnover: num({ default: 0.0005, min: 0, max: 0.05, unit: perWeek, description: 'chance a household is replaced by a new adult cohort (about 1/40 years)', source: I, paragraphs: '¶33' }),
    schoolLagWeeks: num({ default: 52, min: 0, max: 1040, integer: true, unit: 'weeks', description: 'delay between school education (in the last school year) and the cohort setting up households of its own', source: I, paragraphs: '¶33' }),
    schoolEffect: num({ default: 0.6, min: 0, max: 1, unit: 'share', description: 'share of school-reached cohorts who start adult life aware', source: I, paragraphs: '¶33' }),
    schoolDurability: num({ default: 0.2, min: 0, max: 1, unit: 'multiplier', description: 'how fast awareness learned at school fades, relative to awareness from a campaign (values learned young last)', source: I, paragraphs: '¶33' }),
    employerRiskBoost: num({ default: 1, min: 0, max: 10, unit: 'multiplier', description: 'rise in perceived risk for employers reached by a campaign', source: I, paragraphs: '¶25(a)' }),
    clientNoticeBoost: num({ default: 1, min: 0, max: 10, unit: 'multiplier', description: 'extra chance an aware client notices indicators of trafficking', source: I, paragraphs: '¶15(a)' }),
    clientReportBoost: num({ default: 0.5, min: 0, max: 10, unit: 'multiplier', description: 'extra chance an aware, suspicious client reports', source: I }),
    consumerReportRate: num({ default: 0.0002, min: 0, max: 0.1, unit: perWeek, description: 'chance an aware household reports a tainted product, at a tainted share of 1', source: I }),
  },
  'Awareness and the attitude-behaviour gap (¶15(a), ¶27, ¶33)',
);

const clients = group(
  {
    startRate: num({ default: 0.05, min: 0, max: 1, unit: perWeek, description: 'chance an inactive client starts buying, before deterrence', source: I }),
    stopRate: num({ default: 0.1, min: 0, max: 1, unit: perWeek, description: 'chance a buying client stops for a while', source: I }),
    noticeRate: num({ default: 0.1, min: 0, max: 1, unit: perWeek, description: 'chance a buying client notices indicators of trafficking, if every seller were a victim', source: I, paragraphs: '¶16' }),
    reportRate: num({ default: 0.1, min: 0, max: 1, unit: 'share of suspicious clients', description: 'share of suspicious clients who report when they fear nothing', source: I, paragraphs: '¶16' }),
    quitAfterNotice: num({ default: 0.05, min: 0, max: 1, unit: 'share of suspicious clients', description: 'share of suspicious clients who stop buying', source: I }),
    fearOfSelfIncrimination: num({ default: 0.6, min: 0, max: 1, unit: 'share', description: 'share of would-be reporters silenced when reporting could incriminate them', source: I, paragraphs: '¶16' }),
    immunityTrust: num({ default: 0.85, min: 0, max: 1, unit: 'share', description: 'share of that fear removed by a reporting immunity', source: I, paragraphs: '¶16' }),
    returnRate: num({ default: 0.01, min: 0, max: 1, unit: perWeek, description: 'chance a deterred client comes back to the market', source: I }),
    arrestRate: num({ default: 0.003, min: 0, max: 1, unit: perWeek, description: 'chance police catch a liable client in a week, at full visibility', source: I }),
    deterrenceScale: num({ default: 2_500, min: 1, max: 10_000_000, unit: 'USD', description: 'expected sanction at which half of would-be buyers are deterred (average risk tolerance)', source: I, paragraphs: '¶20, ¶38' }),
  },
  'Clients of commercial sex (¶11, ¶16-17)',
);

/**
 * Every sanction is weighed on one scale: months of prison at a perceived cost
 * per month, plus fines, so that the statutes' order (trafficking above the
 * use offence above buying sex) holds in what agents expect (¶20, ¶38).
 */
const sanctions = group(
  {
    prisonMonthCost: num({ default: 2_500, min: 0, max: 1_000_000, unit: 'USD per month', description: 'what a month of prison is worth to the person facing it (employer, recruiter or client), for weighing every custodial sanction on one scale', source: I, paragraphs: '¶20, ¶38' }),
    traffickingMonths: num({ default: 60, min: 0, max: 480, unit: 'months of imprisonment', description: 'prison term expected on conviction for trafficking or forced labour (statutes: often 5-20 years; Philippines RA 10364: 20 years; Uganda 2009: 15 years)', source: 'national statutes (¶38), typical term; illustrative', paragraphs: '¶38' }),
    traffickingFine: num({ default: 0, min: 0, max: 10_000_000, unit: 'USD', description: 'fine and confiscation expected on conviction for trafficking, beyond prison', source: I, paragraphs: '¶38' }),
    buyingOffenceMonths: num({ default: 0, min: 0, max: 120, unit: 'months of imprisonment', description: 'prison term expected on conviction for buying sex where that is an offence (usually fines; Sweden allows up to a year)', source: I, paragraphs: '¶17' }),
    buyingOffenceFine: num({ default: 4_000, min: 0, max: 10_000_000, unit: 'USD', description: 'fine and stigma of a conviction for buying sex where that is an offence', source: I, paragraphs: '¶17' }),
  },
  'Sanctions on one scale (¶20, ¶38)',
);

const employers = group(
  {
    exploitRate: num({ default: 0.006, min: 0, max: 1, unit: perWeek, description: 'chance a compliant employer starts exploiting when exploitation is riskless', source: I, paragraphs: '¶12' }),
    reformRate: num({ default: 0.012, min: 0, max: 1, unit: perWeek, description: 'chance an exploiting employer stops when exploitation is unprofitable', source: I }),
    resumeRate: num({ default: 0.05, min: 0, max: 1, unit: perWeek, description: 'chance a sanctioned employer resumes trading compliantly', source: I }),
    closeRate: num({ default: 0.02, min: 0, max: 1, unit: perWeek, description: 'chance a sanctioned employer closes for good', source: I }),
    entryRate: num({ default: 0.02, min: 0, max: 1, unit: perWeek, description: 'chance a closed firm\'s place is taken by a new, compliant firm', source: I }),
    signalMemoryWeeks: num({ default: 26, min: 1, max: 520, unit: 'weeks', description: 'how long employers and clients remember recent convictions and arrests', source: I }),
  },
  'Employers (¶12, ¶14(a), ¶38)',
);

const inspection = group(
  {
    visitsPerInspectorWeek: num({ default: 2, min: 0, max: 50, unit: 'visits per inspector per week', description: 'workplace visits one inspector makes', source: I, paragraphs: '¶15(d)' }),
    targeting: num({ default: 8, min: 1, max: 50, unit: 'multiplier', description: 'how much more often inspectors visit exploiting workplaces than the average one (risk-based targeting, complaints)', source: I, paragraphs: '¶15(d)' }),
    detectionPerVisit: num({ default: 0.5, min: 0, max: 1, unit: 'probability', description: 'chance a visit to an exploiting workplace detects it', source: I }),
    hiddenDetectionFactor: num({ default: 0.3, min: 0, max: 1, unit: 'multiplier', description: 'detection and identification in hidden segments relative to visible ones', source: I, paragraphs: '¶13, ¶17' }),
    victimIdOnDetection: num({ default: 0.025, min: 0, max: 1, unit: perWeek, description: 'chance each victim of a detected or investigated employer is identified that week', source: I, paragraphs: '¶13' }),
    finePerceivedWeight: num({ default: 1, min: 0, max: 10, unit: 'multiplier', description: 'weight employers give an administrative fine relative to its face value', source: I }),
  },
  'Labour inspection (¶13, ¶15(d))',
);

const supplyChain = group(
  {
    partnerJoinRate: num({ default: 0.05, min: 0, max: 1, unit: perWeek, description: 'chance a buyer in a partnership starts screening', source: I, paragraphs: '¶15(c)' }),
    consumerPressure: num({ default: 0.03, min: 0, max: 1, unit: perWeek, description: 'chance other buyers start screening, if every household avoided tainted goods', source: I, paragraphs: '¶25(a)' }),
    certifyRate: num({ default: 0.02, min: 0, max: 1, unit: perWeek, description: 'chance a screening buyer becomes certified', source: I }),
    lapseRate: num({ default: 0.01, min: 0, max: 1, unit: perWeek, description: 'chance a buyer outside a partnership stops screening', source: I }),
    auditDetection: num({ default: 0.5, min: 0, max: 1, unit: 'probability', description: 'chance an audit of an exploiting supplier finds it', source: I }),
    subcontractorReach: num({ default: 0.1, min: 0, max: 1, unit: 'share', description: 'how far buyers\' audits reach subcontractors, relative to direct suppliers', source: I, paragraphs: '¶32' }),
    dropShare: num({ default: 0.6, min: 0, max: 1, unit: 'share', description: 'share of exploiting suppliers found by an audit that the buyer drops (and who then close)', source: I }),
    auditorReportShare: num({ default: 0.3, min: 0, max: 1, unit: 'share', description: 'share of audit findings reported to the authorities', source: I }),
  },
  'Corporate buyers and supply chains (¶15(c), ¶25(b), ¶32)',
);

const recruiters = group(
  {
    exploitRate: num({ default: 0.008, min: 0, max: 1, unit: perWeek, description: 'chance a fair recruiter turns exploitative at baseline demand when riskless', source: I, paragraphs: '¶14(c)' }),
    reformRate: num({ default: 0.013, min: 0, max: 1, unit: perWeek, description: 'chance an exploitative recruiter turns fair when exploitation is unprofitable', source: I }),
    applyRate: num({ default: 0.05, min: 0, max: 1, unit: perWeek, description: 'chance an unregistered agency applies for a licence when one is required (exploitative ones a fifth as often)', source: I, paragraphs: '¶15(b)' }),
    auditDetection: num({ default: 0.5, min: 0, max: 1, unit: 'probability', description: 'chance an audit of an exploitative licensed agency finds it', source: I }),
    unlicensedDetection: num({ default: 0.001, min: 0, max: 1, unit: perWeek, description: 'chance an unlicensed agency is caught, without audits, when licences are required', source: I }),
    auditReachUnlicensed: num({ default: 0.3, min: 0, max: 1, unit: 'share', description: 'how far the licensing authority\'s audits reach unlicensed operators', source: I }),
    reentryRate: num({ default: 0.02, min: 0, max: 1, unit: perWeek, description: 'chance a barred agency re-opens without a licence (cut by cross-border cooperation)', source: I, paragraphs: '¶4(d), ¶18' }),
    ordersPerExploitative: num({ default: 0.3, min: 0, max: 20, unit: 'workers per week', description: 'workers an exploitative recruiter seeks to place each week', source: I, paragraphs: '¶12' }),
    revocationCost: num({ default: 50_000, min: 0, max: 10_000_000, unit: 'USD', description: 'perceived cost of losing a licence or being shut down', source: I }),
    initialExploitativeShare: num({ default: 0.2, min: 0, max: 1, unit: 'share of recruiters', description: 'recruiters acting exploitatively in week 0', source: I }),
    moralCost: num({ default: 60_000, min: 0, max: 100_000_000, unit: 'USD per year', description: 'what exploitative recruitment costs an average agency in conscience and reputation', source: I }),
    gainPerPlacement: num({ default: 2_000, min: 0, max: 1_000_000, unit: 'USD per worker placed', description: 'what an exploitative agency earns from one worker it places (fees, debts)', source: 'KNOMAD/ILO surveys: worker-paid recruitment costs of 1-7 months of wages; illustrative' }),
  },
  'Recruiters (¶14(c), ¶15(b))',
);

const workers = group(
  {
    hireRate: num({ default: 0.03, min: 0, max: 1, unit: perWeek, description: 'chance an at-risk worker is recruited for a decent job', source: I }),
    fillRate: num({ default: 0.04, min: 0, max: 1, unit: 'share per week', description: 'share of derived demand that finds a victim within a week, at baseline labour supply', source: I, paragraphs: '¶7' }),
    directShare: num({ default: 0.3, min: 0, max: 1, unit: 'share', description: 'share of trafficking that bypasses recruiters (family, peers, employers themselves)', source: I }),
    worsenRate: num({ default: 0.01, min: 0, max: 1, unit: perWeek, description: 'chance a worker of an exploiting employer falls into exploitation', source: I }),
    departureRate: num({ default: 0.008, min: 0, max: 0.2, unit: perWeek, description: 'chance a worker who is not exploited (at risk, in decent work or in assistance) leaves the destination; a newcomer takes the place in the at-risk pool (an open population: a stay of about 2.5 years at 0.008)', source: I, paragraphs: '¶7' }),
    turnover: num({ default: 0.01, min: 0, max: 1, unit: perWeek, description: 'chance a worker in decent work loses the job', source: I }),
    policeIdentification: num({ default: 0.0004, min: 0, max: 1, unit: perWeek, description: 'chance police or outreach identify a victim in a visible segment', source: I, paragraphs: '¶13' }),
    selfReportRate: num({ default: 0.0005, min: 0, max: 1, unit: perWeek, description: 'chance a victim reports to the authorities, without support', source: I, paragraphs: '¶15(e)' }),
    escapeRate: num({ default: 0.004, min: 0, max: 1, unit: perWeek, description: 'chance a victim leaves exploitation unidentified', source: I }),
    releaseRate: num({ default: 0.2, min: 0, max: 1, unit: perWeek, description: 'chance a victim is let go when the employer stops exploiting', source: I }),
    assistRate: num({ default: 0.3, min: 0, max: 1, unit: perWeek, description: 'chance an identified victim enters assistance', source: I }),
    deportRate: num({ default: 0.15, min: 0, max: 1, unit: perWeek, description: 'chance an identified victim is removed without assistance (cut by migrant rights)', source: I }),
    reintegrateRate: num({ default: 0.03, min: 0, max: 1, unit: perWeek, description: 'chance an assisted victim finds decent work', source: I }),
    relapseRate: num({ default: 0.02, min: 0, max: 1, unit: perWeek, description: 'chance an assisted victim falls back into the at-risk pool (re-trafficking risk)', source: I }),
    organisationsDeceptionEffect: num({ default: 0.5, min: 0, max: 1, unit: 'share', description: 'share of deceptive recruitment averted by fully effective worker organisations', source: I, paragraphs: '¶15(e)' }),
    rightsDeceptionEffect: num({ default: 0.3, min: 0, max: 1, unit: 'share', description: 'share of deceptive recruitment averted by full migrant rights', source: I, paragraphs: '¶15(e)' }),
    selfReportBoost: num({ default: 3, min: 0, max: 20, unit: 'multiplier', description: 'rise in self-reporting with full worker organisations and migrant rights', source: I, paragraphs: '¶15(e)' }),
    relapseProtection: num({ default: 0.6, min: 0, max: 1, unit: 'share', description: 'share of re-trafficking risk removed by full worker protection', source: I, paragraphs: '¶15(e)' }),
    retraffickedVulnerability: num({ default: 1.5, min: 1, max: 5, unit: 'multiplier', description: 'how much more likely a former victim is to be recruited again', source: I }),
  },
  'Workers and victims (¶7, ¶13, ¶15(e))',
);

const enforcement = group(
  {
    capacityPer10kWorkers: num({ default: 12, min: 0, max: 10_000, unit: 'concurrent investigations per 10,000 workers', description: 'police and prosecution capacity; cases beyond it wait in a queue', source: I }),
    caseOpenShare: num({ default: 0.5, min: 0, max: 1, unit: 'share of findings', description: 'share of findings against a known employer or agency (an inspector\'s or auditor\'s finding, a victim\'s account) that open a case', source: I }),
    tipLeadShare: num({ default: 0.15, min: 0, max: 1, unit: 'share of reports', description: 'share of reports from clients and households that lead the police to an exploiting employer (a tip rarely names one, ¶13)', source: I, paragraphs: '¶13, ¶16' }),
    chargeRate: num({ default: 0.08, min: 0, max: 1, unit: perWeek, description: 'chance an investigation with full evidence leads to charges', source: I }),
    dropRate: num({ default: 0.04, min: 0, max: 1, unit: perWeek, description: 'chance an investigation with no evidence is dropped', source: I }),
    staleRate: num({ default: 0.01, min: 0, max: 1, unit: perWeek, description: 'chance a queued case is dropped before anyone investigates it', source: I }),
    trialRate: num({ default: 0.06, min: 0, max: 1, unit: perWeek, description: 'chance a charged case reaches a verdict', source: I }),
    exploitationConviction: num({ default: 0.5, min: 0, max: 1, unit: 'probability', description: 'conviction probability for trafficking or forced-labour charges, at average evidence', source: I }),
    buyingConviction: num({ default: 0.7, min: 0, max: 1, unit: 'probability', description: 'conviction probability for buying sex where buying is an offence (no knowledge to prove)', source: I, paragraphs: '¶17' }),
    convictionActual: num({ default: 0.15, min: 0, max: 1, unit: 'probability', description: 'conviction probability for the use offence when actual knowledge must be proven', source: I, paragraphs: '¶36' }),
    convictionReasonToBelieve: num({ default: 0.4, min: 0, max: 1, unit: 'probability', description: 'conviction probability for the use offence under a reason-to-believe test (a lower mental standard than knowledge, Model Law option, Uganda s. 6)', source: I, paragraphs: '¶20, ¶38' }),
    convictionInferred: num({ default: 0.3, min: 0, max: 1, unit: 'probability', description: 'conviction probability for the use offence when actual knowledge may be inferred from objective circumstances (easier than direct proof, harder than reason to believe)', source: I, paragraphs: '¶36' }),
    conditionsMultiplier: num({ default: 1.3, min: 1, max: 3, unit: 'multiplier', description: 'how much easier conviction is when knowledge of exploitation conditions suffices (Model Law option A) than knowledge of victim status', source: I, paragraphs: '¶20' }),
  },
  'Police, prosecution and courts (¶16, ¶36, ¶38)',
);

const regimeDefaults: Record<ProstitutionRegime, [number, number, number, number, number, number]> = {
  // marketScale, hiddenShare, identification, clientLiability, sellerFear, inspectionCoverage
  'criminalise-both': [0.7, 0.6, 0.8, 1, 0.6, 0],
  'criminalise-buying': [0.7, 0.55, 1.2, 1, 0.1, 0],
  'criminalise-selling': [0.9, 0.45, 0.8, 0, 0.6, 0],
  decriminalise: [1, 0.2, 1.2, 0, 0.1, 0.5],
  regulate: [1, 0.35, 1.5, 0, 0.2, 1],
};

function regimeGroup(regime: ProstitutionRegime) {
  const [scale, hidden, id, liability, fear, coverage] = regimeDefaults[regime];
  return group(
    {
      marketScale: num({ default: scale, min: 0, max: 2, unit: 'multiplier', description: 'size of the market for commercial sex relative to no restriction', source: I, paragraphs: '¶17' }),
      hiddenShare: num({ default: hidden, min: 0, max: 1, unit: 'share of venues', description: 'share of venues and pimps operating in hidden segments (private, online)', source: I, paragraphs: '¶17' }),
      identification: num({ default: id, min: 0, max: 5, unit: 'multiplier', description: 'how well victims in visible venues are identified, relative to a baseline', source: I, paragraphs: '¶17' }),
      clientLiability: num({ default: liability, min: 0, max: 1, unit: 'share', description: 'how far buying itself is an offence that clients can be arrested for', source: I, paragraphs: '¶17' }),
      sellerFear: num({ default: fear, min: 0, max: 1, unit: 'share', description: 'share of self-reports deterred by fear of prosecution for selling', source: I, paragraphs: '¶17' }),
      inspectionCoverage: num({ default: coverage, min: 0, max: 1, unit: 'share', description: 'how far labour inspectors can enter venues, relative to other workplaces', source: I, paragraphs: '¶15(d), ¶17' }),
    },
    `Prostitution regime: ${regime}`,
  );
}

const prostitution = group(
  Object.fromEntries(PROSTITUTION_REGIMES.map((r) => [r, regimeGroup(r)])) as { [R in ProstitutionRegime]: ReturnType<typeof regimeGroup> },
  'Effects of each prostitution regime (¶17)',
);

const simulation = group(
  {
    burnInWeeks: num({ default: 208, min: 0, max: 520, integer: true, unit: 'weeks', description: 'weeks simulated before week 0 with no demand-side measures (the scenario\'s prostitution regime in force), so that every run starts from a settled baseline; not reported', source: 'modelling choice' }),
  },
  'How runs start',
);

export const assumptionsSchema = group(
  { simulation, population, sectors, market, awareness, clients, sanctions, employers, inspection, supplyChain, recruiters, workers, enforcement, prostitution },
  'Assumptions: every number that is not a policy choice (MODEL.md "Assumptions")',
);

export type Assumptions = z.output<typeof assumptionsSchema>;
export type SectorAssumptions = Assumptions['sectors']['agriculture'] & Partial<{ subcontractorShare: number }>;
