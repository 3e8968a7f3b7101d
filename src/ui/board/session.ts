import { boardLinkKind, decodeWorkshopLink } from '../../board/formats.ts';
import { i18n } from '../messages/index.ts';
import { notice } from '../workspace/notices.svelte.ts';
import type { KeyValueStore } from '../workspace/persist.ts';
import type { Workspace } from '../workspace.svelte.ts';
import { BoardState } from './board.svelte.ts';
import { TeamSession } from './team.svelte.ts';

/**
 * Board links in the address bar: a workshop link (`#w=…`) opens the
 * workbench on the workshop's base scenario for a team, a hand-in link
 * (`#h=…`) opened in the facilitator's browser goes onto the board.
 *
 * The hash the page opened with is read when this module loads, before the
 * workspace starts: the workspace writes its own share link in the address
 * bar as it opens.
 */
export const START_HASH = typeof window === 'undefined' ? '' : window.location.hash;

export interface BoardSession {
  readonly board: BoardState;
  readonly team: TeamSession;
}

function localStore(): KeyValueStore | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function createBoardSession(ws: Workspace): BoardSession {
  const storage = localStore();
  return { board: new BoardState({ storage, runner: () => ws.sim.runner }), team: new TeamSession(storage) };
}

/** Opens a board link; false when `hash` is not one (the workspace reads it as a share link). */
export function openBoardLink(hash: string, ws: Workspace, session: BoardSession): boolean {
  const kind = boardLinkKind(hash);
  if (kind === 'handin') {
    ws.view = 'board';
    session.board.takeLink(hash);
    return true;
  }
  if (kind === 'workshop') {
    const w = decodeWorkshopLink(hash);
    if (!w.ok) {
      ws.notices.say(notice('workshop-link', 'error', i18n.t('board.team.badLink'), { problems: w.problems }));
      return true;
    }
    session.team.join(w.value);
    ws.editor.open(w.value.baseScenario, { presetId: 'link', runs: w.value.runs });
    if (ws.view === 'board') ws.view = 'charts';
    ws.notices.say(notice('workshop-joined', 'info', i18n.t('board.team.joined', { name: w.value.name })));
    return true;
  }
  return false;
}
