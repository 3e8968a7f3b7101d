/**
 * What each state of each actor means, shown when a state is clicked in the
 * actor flows. Keyed by `${actor}.${state}`, where the state is its path in the
 * machine (`client.market.buying` for a parallel region). English; a
 * translation is a new file of type `Explanations`. `cite` points to the source
 * paper's paragraphs (../shared/seed/PARAGRAPHS.md); where the paper says
 * nothing about a state, the text says the choice is the model's.
 */

export interface Explanation {
  /** Short name shown on the state's box. */
  readonly title: string;
  /** One or two sentences: who is in this state and what moves them on. */
  readonly text: string;
  /** Paragraphs of the source paper, or "model assumption". */
  readonly cite: string;
}

export type Explanations = Readonly<Record<string, Explanation>>;

export const EXPLANATIONS_EN: Explanations = {
  'consumer.unaware': {
    title: 'unaware',
    text: 'Households that buy farm and factory goods without thinking about how they were made. Campaigns, media and schools can reach them.',
    cite: '¶11, ¶15(a), ¶33',
  },
  'consumer.aware': {
    title: 'aware',
    text: 'Households that know goods may be made with trafficked labour. Most keep buying as before (the attitude-behaviour gap); some start avoiding tainted goods, some forget.',
    cite: '¶15(a), ¶25(a), ¶27',
  },
  'consumer.avoiding': {
    title: 'avoiding',
    text: 'Households that act on their concern: they buy certified goods where they exist, or buy less. Their pressure reaches corporate buyers; the lapse back to old habits is an assumption you can change.',
    cite: '¶11, ¶15(c), ¶25(a)',
  },

  'client.market.inactive': {
    title: 'not buying',
    text: 'Men in the market for commercial sex who are not buying at the moment. The prostitution regime and the risk of being prosecuted affect how many start.',
    cite: '¶17, ¶20',
  },
  'client.market.buying': {
    title: 'buying',
    text: 'Clients buying commercial sex this week. Some of the people they buy from are trafficking victims; a client may notice indicators of that.',
    cite: '¶11, ¶14(b)',
  },
  'client.market.suspicious': {
    title: 'suspicious',
    text: 'Clients who saw indicators of trafficking this week. They may report, stop buying or carry on. Fear of prosecuting themselves keeps some silent unless reporting brings immunity.',
    cite: '¶16',
  },
  'client.market.reporting': {
    title: 'reporting',
    text: 'Clients who told the authorities what they saw. Each report can open a case. Reporting immunity makes this step safer for them.',
    cite: '¶16',
  },
  'client.market.deterred': {
    title: 'deterred',
    text: 'Clients who stopped buying, after noticing abuse, out of fear of the law, or after an arrest. Some come back later.',
    cite: '¶16, ¶20, ¶38',
  },
  'client.market.arrested': {
    title: 'arrested',
    text: 'Clients caught using a victim\'s services where that is a crime. Who can be charged depends on the offence (Model Law option A or B) and on the knowledge that must be proven.',
    cite: '¶20, ¶34-36, ¶38',
  },
  'client.awareness.unaware': {
    title: 'unaware',
    text: 'Clients no campaign has reached, or who have forgotten. They notice indicators of trafficking less often.',
    cite: '¶15(a)',
  },
  'client.awareness.aware': {
    title: 'aware',
    text: 'Clients reached by a campaign: they notice indicators more often and report more readily.',
    cite: '¶15(a), ¶25(a)',
  },

  'corporateBuyer.unscreened': {
    title: 'not screening',
    text: 'Brands, retailers and importers that buy from suppliers without checking for trafficked labour.',
    cite: '¶14(b), ¶32',
  },
  'corporateBuyer.screening': {
    title: 'screening',
    text: 'Buyers that audit their suppliers, often in a partnership, and drop those found exploiting. Exploitation can move down to subcontractors the audits do not reach.',
    cite: '¶15(c), ¶25(b), ¶32',
  },
  'corporateBuyer.certified': {
    title: 'certified',
    text: 'Buyers whose supply chain is certified: households that want to avoid tainted goods can buy from them.',
    cite: '¶15(c), ¶32',
  },

  'employer.compliant': {
    title: 'compliant',
    text: 'Farms, factories, subcontractors, venues and pimps that do not use trafficked labour this week. They start exploiting when the expected gain outweighs the expected cost.',
    cite: '¶12, ¶14(a)',
  },
  'employer.exploiting': {
    title: 'exploiting',
    text: 'Employers using trafficked labour to cut costs: the source of derived demand. Inspection, reports, buyers\' audits and liability for use raise their expected cost.',
    cite: '¶12, ¶15(d), ¶20',
  },
  'employer.under-investigation': {
    title: 'under investigation',
    text: 'Employers with an open case against them. The case may end in a sanction or be cleared.',
    cite: '¶15(d), ¶16',
  },
  'employer.sanctioned': {
    title: 'sanctioned',
    text: 'Employers convicted or fined. Sanctions change what other employers expect exploitation to cost.',
    cite: '¶20, ¶38',
  },
  'employer.closed': {
    title: 'closed',
    text: 'Firms out of business, after a sanction or because corporate buyers dropped them. A new firm may take the place.',
    cite: '¶15(c), ¶32',
  },

  'recruiter.licence.unregistered': {
    title: 'unregistered',
    text: 'Agencies and agents operating without a licence. Where licensing is required, they risk being shut down.',
    cite: '¶15(b), ¶25(b)',
  },
  'recruiter.licence.licensed': {
    title: 'licensed',
    text: 'Registered agencies. Audits can find exploitative practice and revoke the licence.',
    cite: '¶15(b)',
  },
  'recruiter.licence.revoked': {
    title: 'barred',
    text: 'Agencies whose licence was revoked or that were shut down. Cross-border cooperation makes it harder to start again elsewhere.',
    cite: '¶4(d), ¶15(b), ¶18',
  },
  'recruiter.conduct.fair': {
    title: 'fair',
    text: 'Recruiters who place workers in decent jobs on honest terms.',
    cite: '¶14(c)',
  },
  'recruiter.conduct.exploitative': {
    title: 'exploitative',
    text: 'Recruiters who deceive workers or supply exploiting employers: the third-party level of demand.',
    cite: '¶12, ¶14(c)',
  },

  'worker.at-risk': {
    title: 'at risk',
    text: 'People looking for work who could be deceived by a recruiter. Worker organisations and migrant rights make them harder to deceive.',
    cite: '¶7, ¶15(e)',
  },
  'worker.recruited': {
    title: 'recruited',
    text: 'Workers promised a job. Next they are placed in decent work, or trapped in exploitation.',
    cite: '¶14(c)',
  },
  'worker.employed': {
    title: 'employed',
    text: 'Workers in decent jobs. Conditions can worsen into exploitation.',
    cite: '¶10, ¶13',
  },
  'worker.exploited': {
    title: 'exploited',
    text: 'Victims of trafficking: the supply side of the exploitative market. They can be identified by inspectors, police or reports, or they may report themselves.',
    cite: '¶10, ¶13, ¶15(d)',
  },
  'worker.identified': {
    title: 'identified',
    text: 'Victims the authorities have identified. They receive assistance, or, in the model, some return to the at-risk pool.',
    cite: '¶13',
  },
  'worker.assisted': {
    title: 'assisted',
    text: 'Victims receiving assistance. Some find decent work; some are trafficked again, less often where worker protection is strong.',
    cite: '¶15(e)',
  },

  'case.opened': {
    title: 'opened',
    text: 'A report or a detection waiting for investigators. Police capacity is limited, so cases queue.',
    cite: '¶16',
  },
  'case.investigating': {
    title: 'investigating',
    text: 'Investigators gather evidence. The case is charged or dropped.',
    cite: '¶16, ¶36',
  },
  'case.charged': {
    title: 'charged',
    text: 'The prosecution must prove knowledge. Conviction is least likely under an actual-knowledge test and most likely where knowledge can be inferred from circumstances.',
    cite: '¶16, ¶36, ¶38',
  },
  'case.convicted': {
    title: 'convicted',
    text: 'A conviction: prison or a fine, as the scenario sets. It raises the perceived risk for others in the same position.',
    cite: '¶20, ¶38',
  },
  'case.acquitted': {
    title: 'acquitted',
    text: 'Knowledge or exploitation was not proven.',
    cite: '¶36',
  },
  'case.dropped': {
    title: 'dropped',
    text: 'Not enough evidence to charge, or no capacity to pursue it.',
    cite: '¶16, ¶36',
  },
};
