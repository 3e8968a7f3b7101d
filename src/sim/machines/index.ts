import type { AnyStateMachine, StateValueFrom } from 'xstate';
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

const DEFINITIONS = {
  consumer: { machine: consumerMachine, events: consumerEvents, level: 'consumer' },
  client: { machine: clientMachine, events: clientEvents, level: 'consumer' },
  corporateBuyer: { machine: corporateBuyerMachine, events: corporateBuyerEvents, level: 'consumer' },
  employer: { machine: employerMachine, events: employerEvents, level: 'employer' },
  recruiter: { machine: recruiterMachine, events: recruiterEvents, level: 'third party' },
  worker: { machine: workerMachine, events: workerEvents, level: 'supply side' },
  case: { machine: caseMachine, events: caseEvents, level: 'enforcement' },
} as const satisfies Record<ActorType, ActorDefinition>;

/** Every actor's definition, widened: the engine and compiler treat all machines alike. */
export const ACTORS: Readonly<Record<ActorType, ActorDefinition>> = DEFINITIONS;

/*
 * State and event names typed from the machines themselves (xstate infers each
 * machine's state value from its config), so that renaming or removing a state
 * or event in a machine fails `tsc` wherever a behaviour names it.
 */
type StateValueOf<T extends ActorType> = StateValueFrom<(typeof DEFINITIONS)[T]['machine']>;
/** A parallel machine's regions and their leaves (never for a machine without regions). */
type Regions<T extends ActorType> = Required<Exclude<StateValueOf<T>, string>>;
/** The states of a machine without parallel regions. */
export type StateName<T extends ActorType> = [Regions<T>] extends [never] ? Extract<StateValueOf<T>, string> : never;
export type RegionName<T extends ActorType> = keyof Regions<T> & string;
/** The states of one region of a parallel machine. */
export type LeafName<T extends ActorType, R extends RegionName<T>> = NonNullable<Regions<T>[R]> & string;
/** One state of a parallel machine: the leaf of each region. */
export type Configuration<T extends ActorType> = { readonly [R in RegionName<T>]: LeafName<T, R> };
export type EventName<T extends ActorType> = (typeof DEFINITIONS)[T]['events'][number];
