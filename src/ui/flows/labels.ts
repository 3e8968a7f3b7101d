import type { ActorType } from '../../sim/machines/index.ts';
import type { OverviewNodeId } from './overview.ts';

/**
 * Every piece of text in the actor-flow diagrams except the state
 * explanations (explanations.ts). English; a translation is a new file of
 * type `FlowLabels`. Placeholders are written {name}.
 */
export interface FlowLabels {
  readonly heading: string;
  readonly disclaimer: string;
  readonly overview: string;
  readonly overviewIntro: string;
  readonly actorIntro: string;
  readonly noRun: string;
  /** {week} */
  readonly weekOf: string;
  /** {count} agents ({share}) */
  readonly agentsInState: string;
  /** {count} of {total}: a part of an actor type's agents */
  readonly countOfTotal: string;
  /** {label}: {text}, e.g. "Employers: exploiting" or "Week 12: 206 (13.7%)" */
  readonly labelled: string;
  /** {count} moved this week */
  readonly movedThisWeek: string;
  readonly tainted: string;
  readonly guardedNote: string;
  readonly finalNote: string;
  readonly openActor: string;
  readonly close: string;
  readonly legendWidth: string;
  readonly legendTainted: string;
  readonly actors: Readonly<Record<ActorType, string>>;
  /** Parallel regions, keyed `${actor}.${region}`. */
  readonly regions: Readonly<Record<string, string>>;
  /** Events, keyed `${actor}.${event}`. */
  readonly events: Readonly<Record<string, string>>;
  readonly overviewNodes: Readonly<Record<OverviewNodeId, { readonly name: string; readonly measure: string }>>;
  /** Overview flows, keyed by edge id `${from}->${to}`. */
  readonly overviewEdges: Readonly<Record<string, string>>;
  readonly overviewLanes: Readonly<Record<string, string>>;
}

export const FLOW_LABELS_EN: FlowLabels = {
  heading: 'Actor flows',
  disclaimer: 'Illustrative model, not a forecast',
  overview: 'Between actors',
  overviewIntro: 'How the actor types are linked. Line widths show this week\'s flows; the darker core of a purchase flow is the part made or delivered with trafficked labour.',
  actorIntro: 'Each box is a state of this actor type, read from its state machine. Numbers are agents at the end of the week; line widths show how many moved along each transition that week. Click a state to see what it means.',
  noRun: 'Run the scenario to see live numbers.',
  weekOf: 'Week {week}',
  agentsInState: '{count} ({share})',
  countOfTotal: '{count} of {total}',
  labelled: '{label}: {text}',
  movedThisWeek: '{count} moved this week',
  tainted: '{count} tainted',
  guardedNote: 'only where the sector sells through corporate buyers',
  finalNote: 'final state',
  openActor: 'Show the {actor} states',
  close: 'Close',
  legendWidth: 'Line width: agents or units per week',
  legendTainted: 'Tainted by trafficked labour',
  actors: {
    consumer: 'Households',
    client: 'Clients',
    corporateBuyer: 'Corporate buyers',
    employer: 'Employers',
    recruiter: 'Recruiters',
    worker: 'Workers',
    case: 'Cases',
  },
  regions: {
    'client.market': 'In the market',
    'client.awareness': 'Awareness',
    'recruiter.licence': 'Licence',
    'recruiter.conduct': 'Conduct',
  },
  events: {
    'consumer.reach': 'reached',
    'consumer.commit': 'starts avoiding',
    'consumer.lapse': 'lapses',
    'consumer.forget': 'forgets',
    'consumer.report': 'reports',
    'consumer.renew': 'new cohort',
    'consumer.renewAware': 'new cohort, aware',
    'client.start': 'starts',
    'client.stop': 'pauses',
    'client.notice': 'notices signs',
    'client.report': 'reports',
    'client.ignore': 'ignores',
    'client.quit': 'quits',
    'client.resume': 'resumes',
    'client.arrest': 'arrested',
    'client.release': 'released',
    'client.return': 'returns',
    'client.learn': 'reached',
    'client.forget': 'forgets',
    'corporateBuyer.screen': 'starts screening',
    'corporateBuyer.certify': 'certified',
    'corporateBuyer.lapse': 'lapses',
    'employer.exploit': 'exploits',
    'employer.reform': 'reforms',
    'employer.investigate': 'investigated',
    'employer.convict': 'sanctioned',
    'employer.clear': 'cleared',
    'employer.drop': 'dropped by buyers',
    'employer.resume': 'resumes',
    'employer.close': 'closes',
    'employer.enter': 'new firm',
    'recruiter.license': 'licensed',
    'recruiter.revoke': 'revoked',
    'recruiter.shutDown': 'shut down',
    'recruiter.reenter': 're-enters',
    'recruiter.exploit': 'exploits',
    'recruiter.reform': 'reforms',
    'worker.recruit': 'recruited',
    'worker.place': 'placed',
    'worker.entrap': 'entrapped',
    'worker.worsen': 'conditions worsen',
    'worker.quit': 'quits',
    'worker.identify': 'identified',
    'worker.escape': 'escapes',
    'worker.assist': 'assisted',
    'worker.deport': 'returned',
    'worker.reintegrate': 'reintegrated',
    'worker.relapse': 're-trafficked',
    'worker.leave': 'leaves; newcomer',
    'case.assign': 'assigned',
    'case.charge': 'charged',
    'case.drop': 'dropped',
    'case.convict': 'convicted',
    'case.acquit': 'acquitted',
  },
  overviewNodes: {
    consumers: { name: 'Households', measure: 'avoiding tainted goods' },
    clients: { name: 'Clients', measure: 'buying' },
    corporateBuyers: { name: 'Corporate buyers', measure: 'certified' },
    employers: { name: 'Employers', measure: 'exploiting' },
    recruiters: { name: 'Recruiters', measure: 'exploitative' },
    workers: { name: 'Workers', measure: 'in exploitation' },
    inspection: { name: 'Inspectors, police', measure: 'victims identified this week' },
    reports: { name: 'Reports', measure: 'this week' },
    cases: { name: 'Cases', measure: 'charged this week' },
    sanctions: { name: 'Sanctions', measure: 'convictions this week' },
  },
  overviewEdges: {
    'consumers->corporateBuyers': 'goods bought',
    'corporateBuyers->employers': 'orders',
    'clients->employers': 'transactions',
    'employers->recruiters': 'workers sought',
    'recruiters->workers': 'newly trafficked',
    'inspection->reports': 'findings',
    'reports->cases': 'cases opened',
    'cases->sanctions': 'convictions',
    'consumers->reports': 'reports',
    'clients->reports': 'reports',
    'corporateBuyers->reports': 'audit findings',
    'workers->reports': 'self-reports',
    'sanctions->employers': 'employers convicted',
    'sanctions->clients': 'clients convicted',
    'sanctions->recruiters': 'recruiters convicted',
  },
  overviewLanes: {
    market: 'Market (¶10-14)',
    enforcement: 'Enforcement (¶16)',
  },
};
