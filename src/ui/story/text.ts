import type { ActorType } from '../../sim/machines/index.ts';
import type { AgentStory, StoryMeeting } from '../../sim/story.ts';
import type { FlowsCatalogue } from '../flows/catalogue.ts';
import type { I18n } from '../messages/index.ts';

/**
 * A story (src/sim/story.ts) in words: state titles and event labels from the
 * actor flows' catalogue, everything else from the message catalogue. Weeks
 * are shown counted from 1, as the flows and charts show them.
 */

/** A state's title: a compiled key (`awareness.aware|market.buying`) as the diagram titles its leaves. */
export function stateTitle(catalogue: FlowsCatalogue, type: ActorType, key: string): string {
  return key
    .split('|')
    .map((leaf) => catalogue.explanations[`${type}.${leaf}`]?.title ?? leaf)
    .join(' · ');
}

/** The part of a compound state that a move changed (the region it moved in), or the whole state. */
export function movedTitle(catalogue: FlowsCatalogue, type: ActorType, from: string, to: string): string {
  const before = new Set(from.split('|'));
  const changed = to.split('|').filter((leaf) => !before.has(leaf));
  return changed.length > 0 && changed.length < to.split('|').length ? changed.map((leaf) => catalogue.explanations[`${type}.${leaf}`]?.title ?? leaf).join(' · ') : stateTitle(catalogue, type, to);
}

export const eventLabel = (catalogue: FlowsCatalogue, type: ActorType, event: string): string => catalogue.labels.events[`${type}.${event}`] ?? event;

export const agentName = (i18n: I18n, type: ActorType, index: number): string =>
  i18n.t('story.agent', { actor: i18n.tk(`story.actor.${type}`, type), index: String(index) });

export const displayWeek = (i18n: I18n, week: number): string => i18n.num(week + 1);

function meeting(i18n: I18n, catalogue: FlowsCatalogue, m: StoryMeeting): string {
  return i18n.t('story.met', {
    role: i18n.tk(`story.role.${m.role}`, m.role),
    agent: agentName(i18n, m.type, m.index),
    state: stateTitle(catalogue, m.type, m.state),
  });
}

/** "event → state", or the state alone where the event's label says the same ("recruited → recruited"). */
function moveText(i18n: I18n, event: string, state: string): string {
  return event.toLocaleLowerCase() === state.toLocaleLowerCase() ? state : i18n.t('story.move', { event, state });
}

export interface TimelineRow {
  /** 0-based week. */
  readonly week: number;
  readonly kind: 'start' | 'move' | 'case' | 'end';
  readonly what: string;
  /** Who it met, when that changed since the row before ('' when unchanged; the 'nobody' mark when it met no one any more). */
  readonly met: string;
  /** The move was forced by another actor the week before. */
  readonly forced?: boolean;
}

/** Every row of the timeline, in week order: the start, moves, cases and their outcomes, the end. */
export function timeline(i18n: I18n, catalogue: FlowsCatalogue, story: AgentStory): TimelineRow[] {
  const type = story.agent.type;
  const rows: (TimelineRow & { order: number })[] = [];
  const start = stateTitle(catalogue, type, story.start.state);
  rows.push({
    week: story.start.week,
    kind: 'start',
    what: i18n.t(story.agent.since < 0 ? 'story.start.before' : type === 'case' ? 'story.start.opened' : 'story.start.arrived', { state: start }),
    met: story.start.met.map((m) => meeting(i18n, catalogue, m)).join('; '),
    order: 0,
  });
  const leaving = story.end.reason === 'replaced' ? story.end.week + 1 : -1;
  for (const s of story.steps) {
    // The move by which it leaves says how; the state after it is the newcomer's.
    const event = eventLabel(catalogue, type, s.event);
    rows.push({
      week: s.week,
      kind: 'move',
      what: s.week === leaving ? event : moveText(i18n, event, movedTitle(catalogue, type, s.from, s.to)),
      met: s.met.map((m) => meeting(i18n, catalogue, m)).join('; '),
      forced: s.forced,
      order: 1,
    });
  }
  for (const c of story.cases) {
    const name = agentName(i18n, 'case', c.index);
    const against = c.against.type === type ? 'story.case.opened.self' : 'story.case.opened.employer';
    rows.push({
      week: c.since,
      kind: 'case',
      what: i18n.t(against, { case: name, offence: i18n.tk(`story.offence.${c.offence}`, c.offence) }),
      met: '',
      order: 2,
    });
    for (const st of c.steps) {
      if (st.week > story.end.week) break;
      rows.push({
        week: st.week,
        kind: 'case',
        what: i18n.t('story.case.step', { case: name, move: moveText(i18n, eventLabel(catalogue, 'case', st.event), stateTitle(catalogue, 'case', st.to)) }),
        met: '',
        order: 2,
      });
    }
  }
  const endWeek = story.end.reason === 'replaced' ? story.end.week + 1 : story.end.week;
  rows.push({ week: endWeek, kind: 'end', what: i18n.t(`story.end.${story.end.reason}`, { week: displayWeek(i18n, story.end.week) }), met: '', order: 3 });
  rows.sort((a, b) => a.week - b.week || a.order - b.order);
  // A meeting is written where it begins or changes, not on every row.
  let last = '';
  return rows.map(({ order: _order, ...r }) => {
    if (r.kind !== 'start' && r.kind !== 'move') return r;
    const met = r.met === last ? '' : r.met || i18n.t('story.nobody');
    last = r.met;
    return { ...r, met };
  });
}

/** The facts shown above the timeline, as sentences. */
export function facts(i18n: I18n, story: AgentStory): string[] {
  const out = [i18n.t('story.fact.sector', { sector: i18n.tk(`sector.${story.sector}`, story.sector) })];
  if (story.trait) out.push(i18n.tk(`story.trait.${story.trait.kind}`, story.trait.kind, { level: i18n.tk(`story.level.${story.trait.level}`, story.trait.level) }));
  for (const f of story.flags) out.push(i18n.tk(`story.flag.${f}`, f));
  if (story.caseOf) {
    const { type, index } = story.caseOf.against;
    out.push(i18n.t('story.caseOf', { target: agentName(i18n, type, index), offence: i18n.tk(`story.offence.${story.caseOf.offence}`, story.caseOf.offence) }));
  }
  return out;
}
