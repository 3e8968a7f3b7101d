import { describe, expect, it } from 'vitest';
import { addHandIn, EMPTY_BOARD, loadBoard, MAX_PACKAGES, openWorkshop, removePackage, saveBoard, type Board } from '../../src/board/board.ts';
import { createHandIn } from '../../src/board/formats.ts';
import { defaultScenario } from '../../src/scenario/load.ts';
import { IMMUNITY, INSPECTORS, workshopOf } from './fixtures.ts';

const w = workshopOf();
const add = (board: Board, team: string, levers: Record<string, unknown>) => {
  const r = addHandIn(board, createHandIn(w, team, levers));
  return r;
};

describe('the board', () => {
  it('takes hand-ins in the order they arrive', () => {
    let b = openWorkshop(w);
    for (const [t, v] of [['A', 1], ['B', 2], ['C', 3]] as const) {
      const r = add(b, t, { [INSPECTORS]: v });
      expect(r.kind).toBe('added');
      b = r.board;
    }
    expect(b.packages.map((p) => p.handIn.team)).toEqual(['A', 'B', 'C']);
    expect(b.packages[1].scenario.interventions.labourInspection.inspectorsPer10kWorkers).toBe(2);
  });

  it('a team that hands in again replaces its own package, in its place; the same package again changes nothing', () => {
    let b = add(openWorkshop(w), 'Team A', { [INSPECTORS]: 1 }).board;
    b = add(b, 'Team B', { [IMMUNITY]: true }).board;
    const again = add(b, ' team  a ', { [INSPECTORS]: 4 });
    expect(again.kind).toBe('replaced');
    expect(again.board.packages.map((p) => p.handIn.team)).toEqual(['team a', 'Team B']);
    expect(again.board.packages[0].scenario.interventions.labourInspection.inspectorsPer10kWorkers).toBe(4);
    const same = add(again.board, 'team a', { [INSPECTORS]: 4 });
    expect(same.kind).toBe('same');
    expect(same.board).toBe(again.board);
  });

  it('refuses a package built on another base, naming both workshops, and keeps the others', () => {
    const b = add(openWorkshop(w), 'Team A', { [INSPECTORS]: 1 }).board;
    const other = workshopOf({ ...defaultScenario(), seed: 99 }, 'Other room');
    const r = addHandIn(b, createHandIn(other, 'Team X', {}));
    expect(r.kind).toBe('other-workshop');
    expect(r.board).toBe(b);
    if (r.kind === 'other-workshop') {
      expect(r.problems[0].path).toBe('workshop');
      expect(r.problems[0].message).toContain('Other room');
      expect(r.problems[0].message).toContain('Athens working group');
    }
  });

  it('refuses hand-ins with no workshop open, and a package with a bad lever, keeping the board', () => {
    expect(addHandIn(EMPTY_BOARD, createHandIn(w, 'A', {})).kind).toBe('no-workshop');
    const b = add(openWorkshop(w), 'Team A', { [INSPECTORS]: 1 }).board;
    const bad = add(b, 'Team B', { [INSPECTORS]: 'many' });
    expect(bad.kind).toBe('invalid');
    expect(bad.board.packages).toHaveLength(1);
  });

  it('holds at most MAX_PACKAGES packages', () => {
    let b = openWorkshop(w);
    for (let i = 0; i < MAX_PACKAGES; i++) b = add(b, `T${i}`, { [INSPECTORS]: i / 10 }).board;
    const r = add(b, 'one more', {});
    expect(r.kind).toBe('full');
    expect(r.board.packages).toHaveLength(MAX_PACKAGES);
  });

  it('removes a package by team', () => {
    const b = add(add(openWorkshop(w), 'A', {}).board, 'B', {}).board;
    expect(removePackage(b, 'a').packages.map((p) => p.handIn.team)).toEqual(['B']);
  });

  it('saves and loads every package', () => {
    let b = openWorkshop(w);
    for (const t of ['A', 'B', 'C']) b = add(b, t, { [INSPECTORS]: t.charCodeAt(0) / 100 }).board;
    const back = loadBoard(saveBoard(b));
    expect(back.problems).toEqual([]);
    expect(back.board.workshop?.id).toBe(w.id);
    expect(back.board.packages.map((p) => p.scenario)).toEqual(b.packages.map((p) => p.scenario));
  });

  it('a saved board with one damaged hand-in keeps the others and says which', () => {
    let b = openWorkshop(w);
    for (const t of ['A', 'B', 'C']) b = add(b, t, {}).board;
    const save = JSON.parse(saveBoard(b));
    save.handIns[1].team = 'Mallory';
    const back = loadBoard(JSON.stringify(save));
    expect(back.board.packages.map((p) => p.handIn.team)).toEqual(['A', 'C']);
    expect(back.problems[0].path).toBe('handIns[1].check');
  });

  it('unreadable storage gives an empty board and a problem, never a throw', () => {
    expect(loadBoard('{').board).toBe(EMPTY_BOARD);
    expect(loadBoard('{').problems).toHaveLength(1);
    expect(loadBoard(null)).toEqual({ board: EMPTY_BOARD, problems: [] });
    expect(loadBoard('{"format":"dsw-board","workshop":{"format":"dsw-workshop"}}').problems.length).toBeGreaterThan(0);
  });
});
