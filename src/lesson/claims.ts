import type { Metric } from '../sim/metrics.ts';
import type { Claim } from './schema.ts';

/**
 * Checking a step's claims against its results. A cell is what the Compare
 * view shows for one measure (src/ui/workspace/compare.ts): the relative
 * change from a reference run with the same seeds and its 90% interval.
 */
export interface ClaimCell {
  readonly change: number;
  readonly changeLo: number;
  readonly changeHi: number;
  /** True: the 90% interval excludes 0; false: it includes 0; null: unknown (a single run). */
  readonly resolved: boolean | null;
}

export interface ClaimContext {
  /** The step's results against the baseline. */
  readonly baseline: (metric: Metric) => ClaimCell;
  /** The step's results against an earlier step's (1-based). */
  readonly step: (step: number, metric: Metric) => ClaimCell;
}

export interface ClaimVerdict {
  readonly holds: boolean;
  /** The claim in words, with the figures that decided it. */
  readonly text: string;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const show = (c: ClaimCell) => `${pct(c.change)} (90% interval ${pct(c.changeLo)} to ${pct(c.changeHi)})`;
const signed = (c: ClaimCell, d: 'down' | 'up') => (d === 'down' ? c.change < 0 : c.change > 0);

/** The claim in words (English; for tests, docs and the file's readers). */
export function describeClaim(c: Claim): string {
  switch (c.kind) {
    case 'changes':
      return `${c.metric} ${c.direction === 'down' ? 'falls' : 'rises'} from the baseline, beyond noise`;
    case 'no-clear-change':
      return `${c.metric} shows no clear change from the baseline`;
    case 'changes-more':
      return `${c.metric} ${c.direction === 'down' ? 'falls' : 'rises'} ${c.clearly ? 'clearly ' : ''}more than ${c.than}, relative to the baseline`;
    case 'versus-step':
      return `${c.metric} is ${c.direction === 'down' ? 'lower' : 'higher'} than in step ${c.step}, beyond noise`;
  }
}

export function checkClaim(c: Claim, ctx: ClaimContext): ClaimVerdict {
  const what = describeClaim(c);
  switch (c.kind) {
    case 'changes': {
      const cell = ctx.baseline(c.metric);
      return { holds: cell.resolved === true && signed(cell, c.direction), text: `${what}: ${show(cell)}` };
    }
    case 'no-clear-change': {
      const cell = ctx.baseline(c.metric);
      return { holds: cell.resolved === false || cell.change === 0, text: `${what}: ${show(cell)}` };
    }
    case 'changes-more': {
      const a = ctx.baseline(c.metric);
      const b = ctx.baseline(c.than);
      const more = c.direction === 'down' ? a.change < b.change && a.change < 0 : a.change > b.change && a.change > 0;
      const apart = c.direction === 'down' ? a.changeHi < b.changeLo : a.changeLo > b.changeHi;
      return { holds: a.resolved === true && more && (!c.clearly || apart), text: `${what}: ${c.metric} ${show(a)}, ${c.than} ${show(b)}` };
    }
    case 'versus-step': {
      const cell = ctx.step(c.step, c.metric);
      return { holds: cell.resolved === true && signed(cell, c.direction), text: `${what}: ${show(cell)} against step ${c.step}` };
    }
  }
}
