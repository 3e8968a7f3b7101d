import * as z from 'zod';
import { choice, flag, group, num } from './define.ts';

/**
 * The demand-side levers (MODEL.md "Interventions"). Keys are part of the public
 * scenario format: researchers write them by hand, so they never change.
 */

const share = (description: string) =>
  z.number().min(0).max(1).meta({ unit: 'share of group per week', description });

/** A campaign: a weekly reach for all weeks, or a reach during a window of weeks. */
export const campaign = (audience: string, paragraphs: string) =>
  z
    .union([
      share(`share of ${audience} reached each week, all weeks`),
      z
        .strictObject({
          reach: share(`share of ${audience} reached each week of the campaign`),
          fromWeek: z.int().min(0).max(5200).default(0).meta({ unit: 'week', description: 'first week of the campaign, counting the first week of the run as 0 (the app shows it as week 1)' }),
          toWeek: z.int().min(0).max(5200).optional().meta({ unit: 'week', description: 'last week of the campaign (inclusive, counting from 0); open-ended if absent' }),
        })
        .refine((c) => c.toWeek === undefined || c.toWeek >= c.fromWeek, {
          message: 'toWeek must not be before fromWeek',
          path: ['toWeek'],
        }),
    ])
    .default(0)
    .meta({
      unit: 'share of group per week',
      description: `awareness campaign for ${audience}: a weekly reach (0-1) or { reach, fromWeek, toWeek }`,
      source: 'lever',
      paragraphs,
      // The slider stops at a fifth of the audience a week, well past what a workshop tries; the number box takes any reach.
      sliderMax: 0.2,
    });

export type Campaign = z.output<ReturnType<typeof campaign>>;

export const CRIMINALISE_VARIANTS = ['none', 'exploitation-conditions', 'known-victim'] as const;
export const KNOWLEDGE_TESTS = ['actual', 'reason-to-believe', 'inferred'] as const;
export const LIABILITY_SCOPES = ['clients', 'employers', 'all'] as const;
export const PROSTITUTION_REGIMES = [
  'criminalise-both',
  'criminalise-buying',
  'criminalise-selling',
  'decriminalise',
  'regulate',
] as const;
export type ProstitutionRegime = (typeof PROSTITUTION_REGIMES)[number];
export type KnowledgeTest = (typeof KNOWLEDGE_TESTS)[number];

const lever = 'lever';

/** A lever measured as a share from none (0, the baseline) to all (1). */
const leverShare = (description: string, paragraphs: string) =>
  num({ default: 0, min: 0, max: 1, unit: 'share (0-1)', description, source: lever, paragraphs });

export const interventionsSchema = group(
  {
    awareness: group(
      {
        consumers: campaign('households buying farm and factory goods', '¶15(a), ¶25(a), ¶27'),
        clients: campaign('buyers of commercial sex', '¶15(a), ¶25(a)'),
        employers: campaign('employers', '¶15(c), ¶25(a)'),
        schools: campaign('school cohorts (acts on consumers who come of age later)', '¶33'),
      },
      'Awareness campaigns per audience',
      '¶15(a), ¶25(a), ¶27, ¶33',
    ),
    criminaliseUse: group(
      {
        variant: choice(CRIMINALISE_VARIANTS, 'none', {
          description:
            'offence of using victims\' services: none; Model Law option A (knowingly using or profiting from labour under exploitation conditions); option B / CoE art. 19 (using services knowing the person is a victim)',
          source: lever,
          paragraphs: '¶16, ¶20, ¶34-35',
        }),
        knowledge: choice(KNOWLEDGE_TESTS, 'actual', {
          description: 'what the prosecution must prove the user knew: actual knowledge, reason to believe, or knowledge inferred from objective circumstances',
          source: lever,
          paragraphs: '¶36, ¶38',
        }),
        scope: choice(LIABILITY_SCOPES, 'all', {
          description: 'which users can be charged with the use offence',
          source: lever,
          paragraphs: '¶38',
        }),
        penaltyMonths: num({
          default: 6, min: 0, max: 240, unit: 'months of imprisonment',
          description: 'prison term on conviction for the use offence',
          source: 'lever (Greece art. 323A: at least 6 months)', paragraphs: '¶20, ¶38', sliderMax: 144,
        }),
        fine: num({
          default: 0, min: 0, max: 10_000_000, unit: 'USD',
          description: 'fine on conviction for the use offence',
          source: lever, paragraphs: '¶20, ¶38', sliderMax: 100_000,
        }),
        reportingImmunity: flag(false, {
          description: 'a user who reports suspected trafficking is not prosecuted for that use',
          source: lever,
          paragraphs: '¶16',
        }),
      },
      'Criminalising the use of victims\' services',
      '¶16, ¶20, ¶34-38',
    ),
    prostitutionRegime: choice(PROSTITUTION_REGIMES, 'criminalise-selling', {
      description: 'legal regime for commercial sex; the baseline default (criminalise-selling) is an illustrative choice, not a recommendation',
      source: lever,
      paragraphs: '¶17',
    }),
    recruiterLicensing: group(
      {
        required: flag(false, {
          description: 'recruitment agencies must hold a licence and register',
          source: lever,
          paragraphs: '¶15(b), ¶25(b)',
        }),
        auditRate: num({
          default: 0, min: 0, max: 12, unit: 'audits per agency per year',
          description: 'how often the licensing authority audits agencies (also its reach into unlicensed operators)',
          source: lever, paragraphs: '¶15(b)',
        }),
        crossBorderCooperation: leverShare('cooperation with origin and transit countries: detection of transnational operators, and barred agencies cannot re-open abroad', '¶4(d), ¶18, ¶24'),
      },
      'Licensing and registration of recruitment agencies',
      '¶15(b), ¶4(d), ¶18',
    ),
    supplyChain: group(
      {
        dueDiligenceShare: num({
          default: 0, min: 0, max: 1, unit: 'share of corporate buyers',
          description: 'share of corporate buyers in a due-diligence partnership who screen their suppliers',
          source: lever, paragraphs: '¶15(c), ¶25(b), ¶28, ¶32',
        }),
        auditRate: num({
          default: 1, min: 0, max: 12, unit: 'audits per supplier per year',
          description: 'how often a screening buyer audits each direct supplier',
          source: lever, paragraphs: '¶15(c), ¶32',
        }),
      },
      'Supply-chain due diligence and public-private partnerships',
      '¶15(c), ¶25(b), ¶32',
    ),
    labourInspection: group(
      {
        inspectorsPer10kWorkers: num({
          default: 0.25, min: 0, max: 50, unit: 'inspectors per 10,000 workers',
          description: 'labour-inspection density',
          source: 'ILO benchmark: 1 (industrial economies), 0.5 (transition), 0.25 (least developed); baseline uses the low end',
          paragraphs: '¶15(d), ¶25(b)', sliderMax: 5,
        }),
        sanction: num({
          default: 5000, min: 0, max: 10_000_000, unit: 'USD per violation',
          description: 'administrative fine when an inspection finds exploitation',
          source: 'illustrative', paragraphs: '¶15(d)', sliderMax: 50_000,
        }),
      },
      'Enforcing labour standards through labour inspection',
      '¶15(d)',
    ),
    workerProtection: group(
      {
        workerOrganisations: leverShare('strength and reach of worker organisations', '¶15(e), ¶25(b)'),
        migrantRights: leverShare('protection of migrant workers\' rights (status independent of employer, access to remedies)', '¶15(e), ¶25(b)'),
      },
      'Supporting worker organisations and migrant workers\' rights',
      '¶15(e), ¶25(b)',
    ),
  },
  'Demand-side interventions (MODEL.md "Interventions")',
);

export type Interventions = z.output<typeof interventionsSchema>;
