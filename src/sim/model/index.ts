import { buyerBehaviour } from './buyers.ts';
import { caseBehaviour } from './cases.ts';
import { clientBehaviour } from './clients.ts';
import { consumerBehaviour } from './consumers.ts';
import type { SimContext } from './context.ts';
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

/**
 * The behaviour of every actor type for one simulation. Cases come first:
 * the others open them, through the case desk each is handed.
 */
export function createBehaviours(sim: SimContext): Behaviours {
  const cases = caseBehaviour(sim);
  return {
    consumer: consumerBehaviour(sim, cases),
    client: clientBehaviour(sim, cases),
    corporateBuyer: buyerBehaviour(sim),
    employer: employerBehaviour(sim, cases),
    recruiter: recruiterBehaviour(sim, cases),
    worker: workerBehaviour(sim, cases),
    case: cases,
  };
}
