import { describe, expect, it } from "vitest";
import type { RuntimeStatus } from "../../store";
import { translator } from "../i18n";
import { describeProgramError, describeStatus, incompleteBecause, stopMessage } from "./statusView";

const READY: RuntimeStatus = { kind: "ready", pythonVersion: "3.14.0" };

describe("the status line", () => {
  it("shows boot progress in percent before the first run", () => {
    expect(describeStatus({ kind: "booting", fraction: 0.4, stage: "stdlib" }, { kind: "idle" }, undefined)).toEqual({
      state: "booting",
      reason: undefined,
      text: "Loading Python runtime… 40%",
    });
  });

  it("says Ready when the runtime is up and nothing has run", () => {
    expect(describeStatus(READY, { kind: "idle" }, undefined)).toMatchObject({ state: "ready", text: "Ready" });
  });

  it("reports a runtime that failed to load as a fatal crash", () => {
    expect(describeStatus({ kind: "bootFailed", message: "no wasm" }, { kind: "idle" }, undefined)).toMatchObject({
      state: "crashed",
      reason: "fatal",
      text: expect.stringContaining("no wasm"),
    });
  });

  it("keeps showing how the last run ended while the runtime reboots", () => {
    const view = describeStatus({ kind: "booting", fraction: 0, stage: "" }, { kind: "stopped", reason: "user", message: "you pressed Stop" }, undefined);
    expect(view).toEqual({ state: "stopped", reason: "user", text: "Stopped: you pressed Stop" });
  });

  it("says a pressed run waits for a fresh Python, with its boot progress, in both languages", () => {
    const booting: RuntimeStatus = { kind: "booting", fraction: 0.55, stage: "stdlib" };
    expect(describeStatus(booting, { kind: "starting" }, undefined)).toEqual({ state: "starting", reason: undefined, text: "Starting a fresh Python… 55%" });
    expect(describeStatus(booting, { kind: "starting" }, undefined, translator("zh-CN")).text).toBe("正在启动新的 Python… 55%");
  });

  it("gives the finishing time of a run that finished", () => {
    expect(describeStatus(READY, { kind: "done" }, { virtualTimeS: 3, tasks: 4, steps: 12 }).text).toBe("Finished at t = 3.0 s");
  });

  it("names the exception and its line for a run that failed", () => {
    const error = { kind: "exception", excType: "ValueError", message: "boom", line: 4, traceback: "" } as const;
    expect(describeStatus(READY, { kind: "error", error }, undefined)).toEqual({ state: "error", reason: undefined, text: "Error: ValueError: boom (line 4)" });
  });

  it("gives the worker's reason for a run stopped by a limit", () => {
    const stopped = { kind: "stopped", reason: "virtual-horizon", message: "the program ran past the virtual time limit of 3600 s" } as const;
    expect(describeStatus(READY, stopped, undefined)).toEqual({
      state: "stopped",
      reason: "virtual-horizon",
      text: "Stopped: the program ran past the virtual time limit of 3600 s",
    });
  });

  it("marks a crash as fatal", () => {
    expect(describeStatus(READY, { kind: "crashed", reason: "fatal", message: "worker died" }, undefined)).toMatchObject({ state: "crashed", reason: "fatal" });
  });
});

describe("program errors", () => {
  it("include the column of a syntax error", () => {
    expect(describeProgramError({ kind: "syntax", excType: "SyntaxError", message: "invalid syntax", line: 3, column: 5, traceback: "" })).toBe(
      "SyntaxError: invalid syntax (line 3, column 5)",
    );
  });

  it("leave out an unknown line and an empty message", () => {
    expect(describeProgramError({ kind: "exception", excType: "KeyboardInterrupt", message: "", traceback: "" })).toBe("KeyboardInterrupt");
  });
});

describe("the incomplete-trace marker", () => {
  it("marks a trace cut short by a limit, Stop or a crash, with the reason", () => {
    expect(incompleteBecause({ kind: "stopped", reason: "steps", message: "" })).toBe("steps");
    expect(incompleteBecause({ kind: "stopped", reason: "trace-events", message: "" })).toBe("trace-events");
    expect(incompleteBecause({ kind: "stopped", reason: "user", message: "" })).toBe("user");
    expect(incompleteBecause({ kind: "crashed", reason: "fatal", message: "" })).toBe("fatal");
  });

  it("leaves whole traces unmarked: finished, failed, or deadlocked (nothing more could happen)", () => {
    expect(incompleteBecause({ kind: "done" })).toBeUndefined();
    expect(incompleteBecause({ kind: "running" })).toBeUndefined();
    expect(incompleteBecause({ kind: "stopped", reason: "deadlock", message: "" })).toBeUndefined();
  });

  it("points a run stopped at the real-time limit to the Limits button, in the page's language", () => {
    // The run slice keeps the facts (limit, rung); the English message is only its fallback text.
    const stopped = { kind: "stopped", reason: "wall-clock", message: "(English)", rung: "interrupt", byPage: { kind: "wall-clock", limitS: 20 } } as const;
    const en = describeStatus(READY, stopped, undefined).text;
    expect(en).toBe("Stopped: the program ran for more than 20 s of real time, the limit for one run (raise it under Limits); Python was interrupted");
    const zh = describeStatus(READY, stopped, undefined, translator("zh-CN")).text;
    expect(zh).toContain("“限制”");
    expect(zh).toContain("20");
    expect(zh).not.toMatch(/Settings|interrupted/);
  });

  it("words a Stop by its facts, before and after the rung is known, and leaves the worker's reasons as they are", () => {
    const pressed = { kind: "stopped", reason: "user", message: "", byPage: { kind: "user" } } as const;
    const zh = translator("zh-CN");
    expect(describeStatus(READY, pressed, undefined).text).toBe("Stopped: you pressed Stop");
    expect(describeStatus(READY, pressed, undefined, zh).text).toBe("已停止：你按下了停止");
    expect(stopMessage({ ...pressed, rung: "terminate" }, zh)).toBe("你按下了停止；Python 工作线程已被终止，并由新的工作线程接替");
    expect(stopMessage({ ...pressed, rung: "interrupt" })).toBe("you pressed Stop; Python was interrupted");
    const limit = { kind: "stopped", reason: "steps", message: "The program ran 2,000,000 steps, the limit for one run." } as const;
    expect(stopMessage(limit, zh)).toBe(limit.message);
  });
});
