import type { Simulation } from '../engine.ts';
import { buyerBehaviour } from './buyers.ts';
import { caseBehaviour } from './cases.ts';
import { clientBehaviour } from './clients.ts';
import { consumerBehaviour } from './consumers.ts';
import { employerBehaviour } from './employers.ts';
import { recruiterBehaviour } from './recruiters.ts';
import { workerBehaviour } from './workers.ts';

export interface Behaviours {
  consumer: ReturnType<typeof consumerBehaviour>;
  client: ReturnType<typeof clientBehaviour>;
  corporateBuyer: ReturnType<typeof buyerBehaviour>;
  employer: ReturnType<typeof employerBehaviour>;
  recruiter: ReturnType<typeof recruiterBehaviour>;
  worker: ReturnType<typeof workerBehaviour>;
  case: ReturnType<typeof caseBehaviour>;
}

/** The behaviour of every actor type for one simulation. Cases come first: others open them. */
export function createBehaviours(sim: Simulation): Behaviours {
  const kase = caseBehaviour(sim);
  return {
    consumer: consumerBehaviour(sim),
    client: clientBehaviour(sim),
    corporateBuyer: buyerBehaviour(sim),
    employer: employerBehaviour(sim),
    recruiter: recruiterBehaviour(sim),
    worker: workerBehaviour(sim),
    case: kase,
  };
}
