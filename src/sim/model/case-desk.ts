/** Whom a case is against, and for which offence (packed into a case agent's aux). */
export const TARGET = { client: 0, employer: 1, recruiter: 2 } as const;
export const OFFENCE = { exploitation: 0, use: 1, buying: 2 } as const;
export type Target = (typeof TARGET)[keyof typeof TARGET];
export type Offence = (typeof OFFENCE)[keyof typeof OFFENCE];

/**
 * What the case behaviour offers the other behaviours: each receives it
 * explicitly (model/index.ts) instead of reaching into the engine for it.
 */
export interface CaseDesk {
  /** Conviction probability for the use offence at average evidence (¶20, ¶36). */
  readonly useConviction: number;
  /** Opens a case next week against a known target. */
  open(target: Target, index: number, sector: number, offence: Offence, evidence: number): void;
  /** A report or a lead that names no one in particular. */
  report(source: 'client' | 'consumer' | 'police', sector: number, reporter: number, evidence: number): void;
}
