import { describe, expect, it } from "vitest";
import { EN, ZH_CN } from "./messages";
import { stateLabel } from "./stateLabels";
import { detectLocale, translate } from "./translate";

describe("translations", () => {
  it("have every English text in Chinese, with the same placeholders", () => {
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
      expect(ZH_CN[key].trim(), key).not.toBe("");
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(ZH_CN[key]), key).toEqual(names(EN[key]));
    }
  });

  it("fill in placeholders and format numbers for the language", () => {
    expect(translate("en", "summary.task.many", { n: 12345 })).toBe("12,345 tasks");
    expect(translate("zh-CN", "status.done", { time: "t = 3.0 s" })).toBe("在 t = 3.0 s 完成");
    expect(translate("en", "status.stopped", {})).toBe("Stopped: {message}");
  });

  it("pick Chinese for any zh browser language and English otherwise", () => {
    expect(detectLocale(["zh-CN", "en"])).toBe("zh-CN");
    expect(detectLocale(["zh-TW"])).toBe("zh-CN");
    expect(detectLocale(["en-GB", "zh-CN"])).toBe("en");
    expect(detectLocale(["fr-FR", "zh"])).toBe("zh-CN");
    expect(detectLocale(["fr-FR"])).toBe("en");
    expect(detectLocale([])).toBe("en");
  });

  it("name task states in both languages and leave unknown ones alone", () => {
    expect(stateLabel("zh-CN", "waiting")).toBe("等待中");
    expect(stateLabel("en", "cancelled")).toBe("cancelled");
    expect(stateLabel("zh-CN", "mystery")).toBe("mystery");
  });
});
