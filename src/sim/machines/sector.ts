import type { Sector } from '../../scenario/sectors.ts';

/** Every machine's context: the agent's sector (guards may read it), given as input. */
export interface SectorContext {
  sector: Sector;
}

/** The `types` of a machine's `setup()`: sector context and input, and its events by name. */
export const sectorTypes = <const E extends readonly string[]>(_events: E) => ({
  context: {} as SectorContext,
  input: {} as SectorContext,
  events: {} as { type: E[number] },
});

/** A machine's initial context, from its input. */
export const sectorContext = ({ input }: { input: SectorContext }): SectorContext => ({ sector: input.sector });
