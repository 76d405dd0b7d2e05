/**
 * Which booted interpreters wait for the next Run, and when to boot another. Pure bookkeeping
 * (no workers here), so the policy is unit-tested:
 *
 * - At most `capacity` spares (booting or ready) exist; Run takes the *front* one, the first that
 *   is ready (else the oldest, which is furthest along).
 * - At most one spare boots at a time: a page's first spare boots alone (a second Pyodide
 *   compiling beside it would slow the one the person waits for), and the next one starts once
 *   it is ready. So after the first boot the pool fills to `capacity`, and back-to-back runs each
 *   take a ready spare while the replacement boots behind them.
 * - A snapshot maker (README "Startup": a worker that boots only to store the memory snapshot,
 *   started once the pool is `full` and the page idle) counts as that one boot, except when the
 *   pool is empty.
 */
export class SparePool<S> {
  private readonly slots: { readonly spare: S; ready: boolean }[] = [];

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.slots.length;
  }

  /** The spare the next Run takes (and whose boot progress the page shows). */
  get front(): S | undefined {
    return (this.slots.find((s) => s.ready) ?? this.slots[0])?.spare;
  }

  has(spare: S): boolean {
    return this.slots.some((s) => s.spare === spare);
  }

  isReady(spare: S): boolean {
    return this.slots.some((s) => s.spare === spare && s.ready);
  }

  /** Every slot is taken by a ready spare. */
  get full(): boolean {
    return this.slots.length >= this.capacity && this.slots.every((s) => s.ready);
  }

  /** Whether another spare should start booting now. */
  get wantsAnother(): boolean {
    return this.slots.length < this.capacity && this.slots.every((s) => s.ready);
  }

  /**
   * The same, while a snapshot maker may be booting too (it counts as the one boot at a time): it
   * yields only to an empty pool, so a person who took the last spare never waits for it.
   */
  wantsAnotherBeside(makerBooting: boolean): boolean {
    return this.wantsAnother && (!makerBooting || this.slots.length === 0);
  }

  add(spare: S): void {
    this.slots.push({ spare, ready: false });
  }

  markReady(spare: S): void {
    for (const s of this.slots) if (s.spare === spare) s.ready = true;
  }

  /** Takes the front spare out of the pool, if it is ready. */
  takeReady(): S | undefined {
    const i = this.slots.findIndex((s) => s.ready);
    if (i < 0) return undefined;
    return this.slots.splice(i, 1)[0]!.spare;
  }

  remove(spare: S): void {
    const i = this.slots.findIndex((s) => s.spare === spare);
    if (i >= 0) this.slots.splice(i, 1);
  }

  all(): readonly S[] {
    return this.slots.map((s) => s.spare);
  }
}
