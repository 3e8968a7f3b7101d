/**
 * Agents of one actor type as a struct of typed arrays (MODEL.md "Engine
 * requirements"). What `link`, `flags` and `aux` mean depends on the type and is
 * documented in that type's behaviour file.
 */
export class Agents {
  n = 0;
  state: Uint8Array;
  /** State at the end of the previous week: others read this (synchronous update). */
  prev: Uint8Array;
  sector: Uint8Array;
  /** Heterogeneity in [0, 1]: risk tolerance, price sensitivity, vulnerability, evidence. */
  trait: Float32Array;
  /** An event forced by another agent last week (e.g. a case outcome), or -1. */
  pending: Int8Array;
  /** Events forced this week, delivered next week. */
  pendingNext: Int8Array;
  link: Int32Array;
  flags: Uint8Array;
  /** 1 for a freed slot waiting to be reused (finished cases); not counted anywhere. */
  vacant: Uint8Array;
  aux: Int32Array;

  constructor(capacity: number) {
    this.state = new Uint8Array(capacity);
    this.prev = new Uint8Array(capacity);
    this.sector = new Uint8Array(capacity);
    this.trait = new Float32Array(capacity);
    this.pending = new Int8Array(capacity).fill(-1);
    this.pendingNext = new Int8Array(capacity).fill(-1);
    this.link = new Int32Array(capacity).fill(-1);
    this.flags = new Uint8Array(capacity);
    this.vacant = new Uint8Array(capacity);
    this.aux = new Int32Array(capacity);
  }

  get capacity(): number {
    return this.state.length;
  }

  /** Adds one agent in state 0 and returns its index, growing the arrays when full. */
  add(sector: number, trait: number): number {
    if (this.n === this.capacity) this.grow(Math.max(16, this.capacity * 2));
    const i = this.n++;
    this.reset(i, sector, trait);
    return i;
  }

  /** Puts agent i back in state 0 with fresh attributes (used to recycle finished cases). */
  reset(i: number, sector: number, trait: number): void {
    this.state[i] = 0;
    this.prev[i] = 0;
    this.sector[i] = sector;
    this.trait[i] = trait;
    this.pending[i] = -1;
    this.pendingNext[i] = -1;
    this.link[i] = -1;
    this.flags[i] = 0;
    this.vacant[i] = 0;
    this.aux[i] = 0;
  }

  /** Start of a week: remember states, deliver last week's forced events. */
  beginWeek(): void {
    this.prev.set(this.state.subarray(0, this.n));
    const pending = this.pending;
    this.pending = this.pendingNext;
    this.pendingNext = pending;
    this.pendingNext.fill(-1, 0, this.n);
  }

  private grow(capacity: number): void {
    const copy = <T extends Uint8Array | Int8Array | Int32Array | Float32Array>(a: T, fill = 0): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      if (fill !== 0) b.fill(fill);
      b.set(a);
      return b;
    };
    this.state = copy(this.state);
    this.prev = copy(this.prev);
    this.sector = copy(this.sector);
    this.trait = copy(this.trait);
    this.pending = copy(this.pending, -1);
    this.pendingNext = copy(this.pendingNext, -1);
    this.link = copy(this.link, -1);
    this.flags = copy(this.flags);
    this.vacant = copy(this.vacant);
    this.aux = copy(this.aux);
  }
}
