import { describe, expect, it } from 'vitest';
import { createHandIn, encodeHandInHash, handInText } from '../../src/board/formats.ts';
import { createSyncRunner } from '../../src/sim/sync-runner.ts';
import { BOARD_STORAGE_KEY, BoardState } from '../../src/ui/board/board.svelte.ts';
import { TeamSession } from '../../src/ui/board/team.svelte.ts';
import { MemoryStore, tiny } from '../ui/workspace-fixtures.ts';
import { INSPECTORS, workshopOf } from './fixtures.ts';

const w = workshopOf(tiny(), 'Tiny room', 2);
const newBoard = (storage: MemoryStore) => new BoardState({ storage, runner: () => createSyncRunner({ chunkWeeks: 4 }) });

describe('BoardState (the board in the app)', () => {
  it('takes hand-ins by link and by file, runs them, ranks them, and keeps them in storage', async () => {
    const storage = new MemoryStore();
    const board = newBoard(storage);
    board.open(w);
    expect(board.takeLink(`http://x/${encodeHandInHash(createHandIn(w, 'A', { [INSPECTORS]: 3 }))}`)).toBe(true);
    expect(board.message?.code).toBe('added');
    expect(board.takeText(handInText(createHandIn(w, 'B', {})), 'b.json')).toBe(true);
    expect(board.message?.text).toMatch(/^b\.json: /);
    await board.compute();
    expect(board.complete).toBe(true);
    expect(board.ranked.map((r) => r.team).sort()).toEqual(['A', 'B']);
    expect(board.tradeoff?.points).toHaveLength(2);
    expect(board.debriefCsv()?.trim().split('\n')).toHaveLength(3);

    const again = newBoard(storage);
    expect(again.workshop?.id).toBe(w.id);
    expect(again.packages.map((p) => p.handIn.team)).toEqual(['A', 'B']);
  });

  it('a bad hand-in says why and never removes a package, in memory or in storage', () => {
    const storage = new MemoryStore();
    const board = newBoard(storage);
    board.open(w);
    board.takeLink(encodeHandInHash(createHandIn(w, 'A', {})));
    const saved = storage.getItem(BOARD_STORAGE_KEY);
    const other = workshopOf({ ...tiny(), seed: 77 }, 'Elsewhere', 2);
    expect(board.takeLink(encodeHandInHash(createHandIn(other, 'X', {})))).toBe(false);
    expect(board.message).toMatchObject({ kind: 'error', code: 'other-workshop' });
    expect(board.message?.text).toContain('Elsewhere');
    expect(board.takeLink('#h=garbage!!')).toBe(false);
    expect(board.message?.code).toBe('damaged');
    expect(board.takeText('{"format":"dsw-handin","formatVersion":7}')).toBe(false);
    expect(board.message?.code).toBe('newer');
    expect(board.message?.text).toContain('format 7');
    expect(board.packages).toHaveLength(1);
    expect(storage.getItem(BOARD_STORAGE_KEY)).toBe(saved);
  });

  it('damaged storage opens an empty board with a message, never a throw', () => {
    const storage = new MemoryStore();
    storage.setItem(BOARD_STORAGE_KEY, '{"format":"dsw-board","workshop":{"format":"dsw-workshop","formatVersion":1}}');
    const board = newBoard(storage);
    expect(board.workshop).toBe(null);
    expect(board.message?.code).toBe('saved-problems');
  });
});

describe('TeamSession', () => {
  it('keeps the joined workshop and the team name across a reload, and forgets them on leaving', () => {
    const storage = new MemoryStore();
    const team = new TeamSession(storage);
    team.join(w);
    team.setTeam('Blue');
    const again = new TeamSession(storage);
    expect(again.workshop?.id).toBe(w.id);
    expect(again.team).toBe('Blue');
    again.leave();
    expect(new TeamSession(storage).workshop).toBe(null);
  });
});
