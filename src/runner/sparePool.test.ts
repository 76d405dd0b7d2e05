import { describe, expect, it } from "vitest";
import { SparePool } from "./sparePool";

describe("SparePool", () => {
  it("boots one spare at a time and fills up to its capacity once the first is ready", () => {
    const pool = new SparePool<string>(2);
    expect(pool.wantsAnother).toBe(true);
    pool.add("a");
    expect(pool.wantsAnother).toBe(false); // "a" boots alone
    pool.markReady("a");
    expect(pool.wantsAnother).toBe(true);
    pool.add("b");
    expect(pool.wantsAnother).toBe(false);
    pool.markReady("b");
    expect(pool.wantsAnother).toBe(false); // full
  });

  it("hands Run a ready spare while a younger one is still booting, and then shows the booting one", () => {
    const pool = new SparePool<string>(2);
    pool.add("a");
    pool.add("b");
    expect(pool.front).toBe("a");
    pool.markReady("b");
    expect(pool.front).toBe("b"); // ready beats older
    expect(pool.takeReady()).toBe("b");
    expect(pool.front).toBe("a");
    expect(pool.takeReady()).toBeUndefined(); // "a" still boots: nothing to hand out
    expect(pool.size).toBe(1);
  });

  it("three quick runs each get a ready spare when two were waiting and one boots between", () => {
    const pool = new SparePool<string>(2);
    pool.add("a");
    pool.markReady("a");
    pool.add("b");
    pool.markReady("b");
    expect(pool.takeReady()).toBe("a");
    expect(pool.wantsAnother).toBe(true);
    pool.add("c");
    expect(pool.takeReady()).toBe("b");
    expect(pool.front).toBe("c");
    pool.markReady("c");
    expect(pool.takeReady()).toBe("c");
    expect(pool.size).toBe(0);
    expect(pool.wantsAnother).toBe(true);
  });

  it("forgets a spare that died", () => {
    const pool = new SparePool<string>(2);
    pool.add("a");
    pool.markReady("a");
    pool.remove("a");
    expect(pool.has("a")).toBe(false);
    expect(pool.front).toBeUndefined();
    expect(pool.wantsAnother).toBe(true);
  });

  it("lets a booting snapshot maker hold back the next spare, unless Run took the last one", () => {
    const pool = new SparePool<string>(2);
    pool.add("a");
    pool.markReady("a");
    expect(pool.full).toBe(false);
    pool.add("b");
    expect(pool.full).toBe(false); // "b" still boots
    pool.markReady("b");
    expect(pool.full).toBe(true); // the page may start the maker now
    expect(pool.takeReady()).toBe("a"); // a Run while the maker boots
    expect(pool.wantsAnotherBeside(true)).toBe(false); // the maker is the one boot at a time
    expect(pool.wantsAnotherBeside(false)).toBe(true);
    expect(pool.takeReady()).toBe("b");
    expect(pool.wantsAnotherBeside(true)).toBe(true); // nothing left for the next Run: boot one now
  });
});
