import { describe, expect, it } from "vitest";
import { buildCatalog } from "./catalog";
import { EXAMPLES, findExample } from "./examples";

describe("the examples gallery", () => {
  it("bundles at least 18 examples, each with its program, a title and a lesson in both languages", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(18);
    for (const example of EXAMPLES) {
      expect(example.source, example.id).toMatch(/import asyncio/);
      expect(example.title.en && example.title["zh-CN"] && example.lesson.en && example.lesson["zh-CN"], example.id).toBeTruthy();
    }
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
  });

  it("covers the concepts learners ask about", () => {
    const all = EXAMPLES.map((e) => e.source).join("\n");
    for (const api of ["asyncio.run", "create_task", "gather", "cancel()", "asyncio.timeout", "TaskGroup", "Semaphore", "Queue", "Lock()", "Event()", "as_completed", "time.sleep", "to_thread", ".send(", "create_future", "handle_order"]) {
      expect(all, api).toContain(api);
    }
    expect(EXAMPLES.find((e) => e.end === "deadlock")).toBeDefined();
  });

  it("finds an example by id", () => {
    expect(findExample("lock")?.title.en).toMatch(/Lock/);
    expect(findExample("nope")).toBeUndefined();
    expect(findExample(undefined)).toBeUndefined();
  });

  it("leaves out catalog entries that are malformed or have no program", () => {
    const good = { id: "a", file: "a.py", end: "done", title: { en: "A", "zh-CN": "甲" }, lesson: { en: "l", "zh-CN": "课" } };
    const raw = [good, { ...good, id: "b", file: "missing.py" }, { ...good, id: "c", end: "explodes" }, { ...good, id: "d", title: { en: "only English" } }, null, "x"];
    expect(buildCatalog(raw, { "a.py": "print(1)" }).map((e) => e.id)).toEqual(["a"]);
    expect(buildCatalog({ not: "a list" }, {})).toEqual([]);
  });
});
