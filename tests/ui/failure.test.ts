import { describe, expect, it } from 'vitest';
import { allOrFirstFailure, classifyFailure, failureText } from '../../src/ui/workspace/failure.ts';

class WorkerFault extends Error {
  override readonly name = 'WorkerFault';
}

describe('classifyFailure', () => {
  it('takes the cause out of the worker pool\'s sentences', () => {
    expect(classifyFailure(new WorkerFault('The simulation worker stopped unexpectedly (Uncaught Error: worker killed by the e2e test)'))).toEqual({
      kind: 'worker',
      cause: 'worker killed by the e2e test',
    });
    expect(classifyFailure(new WorkerFault('The simulation failed in its worker: out of memory.'))).toEqual({ kind: 'worker', cause: 'out of memory' });
    expect(classifyFailure(new WorkerFault('The simulation worker returned 3 of 260 weeks of run 2.'))).toEqual({ kind: 'short', got: 3, weeks: 260, run: 2 });
  });

  it('keeps other errors as they are', () => {
    expect(classifyFailure(new Error('worker died'))).toEqual({ kind: 'error', cause: 'worker died' });
    expect(classifyFailure('plain string.')).toEqual({ kind: 'error', cause: 'plain string' });
  });
});

describe('failureText', () => {
  it('says what happened in one sentence, then what is kept', () => {
    const text = failureText(new WorkerFault('The simulation worker stopped unexpectedly (Uncaught Error: boom)'));
    expect(text).toBe('The simulation worker stopped unexpectedly (boom). Your scenario and the results so far are kept; press Run to try again.');
    expect(text.match(/simulation/gi)).toHaveLength(1);
  });

  it('never doubles the runner\'s wording, whatever it says', () => {
    for (const e of [
      new WorkerFault('The simulation worker stopped unexpectedly (the worker script failed to load or threw an uncaught error)'),
      new WorkerFault('The simulation failed in its worker: x'),
      new WorkerFault('The simulation worker returned 1 of 2 weeks of run 1.'),
      new Error('engine exploded'),
    ]) {
      const text = failureText(e);
      expect(text.match(/simulation/gi), text).toHaveLength(1);
      expect(text).not.toMatch(/\.\./);
    }
  });

  it('has words for an error without a message', () => {
    expect(failureText(new Error(''))).toMatch(/^The simulation stopped with an error: no details were given\./);
  });
});

describe('allOrFirstFailure', () => {
  it('waits for every job when all succeed', async () => {
    let late = false;
    const outcome = await allOrFirstFailure([Promise.resolve(1), new Promise((r) => setTimeout(() => r((late = true)), 10))]);
    expect(outcome).toEqual({ ok: true });
    expect(late).toBe(true);
  });

  it('returns at the first failure without waiting for the others', async () => {
    const never = new Promise(() => {});
    const outcome = await allOrFirstFailure([never, Promise.reject(new Error('boom'))]);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && (outcome.reason as Error).message).toBe('boom');
  });

  it('handles the other jobs\' later rejections', async () => {
    let rejectLater!: (e: unknown) => void;
    const later = new Promise((_, reject) => (rejectLater = reject));
    const outcome = await allOrFirstFailure([Promise.reject(new Error('first')), later]);
    rejectLater(new Error('second'));
    await new Promise((r) => setTimeout(r, 0));
    expect(!outcome.ok && (outcome.reason as Error).message).toBe('first');
  });

  it('is done at once with no jobs', async () => {
    expect(await allOrFirstFailure([])).toEqual({ ok: true });
  });
});
