import { describe, expect, it } from 'vitest';
import { COMPILED } from '../../src/sim/compile.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import { agentStory } from '../../src/sim/story.ts';
import { FLOWS_EN } from '../../src/ui/flows/catalogue.ts';
import { I18n } from '../../src/ui/messages/index.ts';
import { en } from '../../src/ui/messages/en.ts';
import { eventLabel, facts, stateTitle, timeline } from '../../src/ui/story/text.ts';
import { smallWorld } from '../support/small-world.ts';

/** The story in words (src/ui/story/text.ts): every state and event has a title, rows follow the story. */
describe('story text', () => {
  const i18n = new I18n('en', en);

  it('every state leaf and event of every machine has a title or label in the flows catalogue', () => {
    for (const type of ACTOR_TYPES) {
      const c = COMPILED[type];
      for (const key of c.states) for (const leaf of key.split('|')) expect(FLOWS_EN.explanations[`${type}.${leaf}`]?.title, `${type}.${leaf}`).toBeTruthy();
      for (const e of c.events) expect(eventLabel(FLOWS_EN, type, e), `${type}.${e}`).not.toBe(e);
    }
    expect(stateTitle(FLOWS_EN, 'client', 'awareness.aware|market.buying')).toBe(`${FLOWS_EN.explanations['client.awareness.aware'].title} · ${FLOWS_EN.explanations['client.market.buying'].title}`);
  });

  it('a timeline has the start, one row per move and case event, and the end, in week order', () => {
    const s = smallWorld('reference');
    const story = agentStory(s, { seed: 5, run: 0, type: 'worker', week: 30, pick: { state: 'exploited' } });
    const rows = timeline(i18n, FLOWS_EN, story);
    const caseRows = story.cases.reduce((n, c) => n + 1 + c.steps.filter((x) => x.week <= story.end.week).length, 0);
    expect(rows.length).toBe(2 + story.steps.length + caseRows);
    expect(rows[0].kind).toBe('start');
    expect(rows.at(-1)!.kind).toBe('end');
    for (let j = 1; j < rows.length; j++) expect(rows[j].week).toBeGreaterThanOrEqual(rows[j - 1].week);
    const moves = rows.filter((r) => r.kind === 'move');
    story.steps.forEach((st, j) => expect(moves[j].what).toContain(FLOWS_EN.labels.events[`worker.${st.event}`]));
    expect(facts(i18n, story)[0]).toBe(`Sector: ${en[`sector.${story.sector}`]}`);
    expect(rows.map((r) => `${r.what} ${r.met}`).join(' ')).not.toMatch(/\{\w+\}/);
  });
});
