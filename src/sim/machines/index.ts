import type { AnyStateMachine } from 'xstate';
import { caseEvents, caseMachine } from './case.ts';
import { clientEvents, clientMachine } from './client.ts';
import { consumerEvents, consumerMachine } from './consumer.ts';
import { corporateBuyerEvents, corporateBuyerMachine } from './corporate-buyer.ts';
import { employerEvents, employerMachine } from './employer.ts';
import { recruiterEvents, recruiterMachine } from './recruiter.ts';
import { workerEvents, workerMachine } from './worker.ts';

export const ACTOR_TYPES = ['consumer', 'client', 'corporateBuyer', 'employer', 'recruiter', 'worker', 'case'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export interface ActorDefinition {
  readonly machine: AnyStateMachine;
  readonly events: readonly string[];
  /** The level of demand in ¶14 this actor belongs to. */
  readonly level: 'consumer' | 'employer' | 'third party' | 'supply side' | 'enforcement';
}

export const ACTORS: Record<ActorType, ActorDefinition> = {
  consumer: { machine: consumerMachine, events: consumerEvents, level: 'consumer' },
  client: { machine: clientMachine, events: clientEvents, level: 'consumer' },
  corporateBuyer: { machine: corporateBuyerMachine, events: corporateBuyerEvents, level: 'consumer' },
  employer: { machine: employerMachine, events: employerEvents, level: 'employer' },
  recruiter: { machine: recruiterMachine, events: recruiterEvents, level: 'third party' },
  worker: { machine: workerMachine, events: workerEvents, level: 'supply side' },
  case: { machine: caseMachine, events: caseEvents, level: 'enforcement' },
};
