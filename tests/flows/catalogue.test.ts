import { describe, expect, it } from 'vitest';
import { ACTOR_TYPES, ACTORS } from '../../src/sim/machines/index.ts';
import { FLOWS_EN } from '../../src/ui/flows/catalogue.ts';
import { ACTOR_DIAGRAMS } from '../../src/ui/flows/diagrams.ts';
import { OVERVIEW_FLOWS, OVERVIEW_LANES, OVERVIEW_NODES } from '../../src/ui/flows/overview.ts';

const { labels, explanations } = FLOWS_EN;

describe('flows catalogue (English)', () => {
  const stateKeys = ACTOR_TYPES.flatMap((t) => ACTOR_DIAGRAMS[t].graph.lanes.flatMap((l) => l.nodes.map((n) => `${t}.${n}`)));

  it('explains every state of every machine, citing the paper, and nothing else', () => {
    for (const key of stateKeys) {
      const x = explanations[key];
      expect(x, key).toBeDefined();
      expect(x.title.length, key).toBeGreaterThan(0);
      expect(x.text.length, key).toBeGreaterThan(30);
      expect(x.cite, key).toMatch(/¶\d+|model assumption/);
    }
    expect(Object.keys(explanations).sort()).toEqual([...stateKeys].sort());
  });

  it('labels every event, region and overview element, and nothing else', () => {
    const events = ACTOR_TYPES.flatMap((t) => ACTORS[t].events.map((e) => `${t}.${e}`));
    expect(Object.keys(labels.events).sort()).toEqual(events.sort());
    const regions = ACTOR_TYPES.flatMap((t) => ACTOR_DIAGRAMS[t].graph.lanes.filter((l) => l.id).map((l) => `${t}.${l.id}`));
    expect(Object.keys(labels.regions).sort()).toEqual(regions.sort());
    expect(Object.keys(labels.overviewNodes).sort()).toEqual(OVERVIEW_NODES.map((n) => n.id).sort());
    expect(Object.keys(labels.overviewEdges).sort()).toEqual(OVERVIEW_FLOWS.map((e) => e.id).sort());
    expect(Object.keys(labels.overviewLanes).sort()).toEqual(OVERVIEW_LANES.map((l) => l.id).sort());
    expect(Object.keys(labels.actors).sort()).toEqual([...ACTOR_TYPES].sort());
  });

  it('keeps the disclaimer', () => {
    expect(labels.disclaimer).toMatch(/illustrative model, not a forecast/i);
  });
});
