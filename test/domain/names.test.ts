import { describe, expect, it } from "vitest";
import { nameSearchKey } from "../../src/domain/names.ts";
import { normaliseCode } from "../../src/domain/codes.ts";

describe("nameSearchKey", () => {
  it.each([
    ["Súdwest-Fryslân", "sudwest-fryslan"],
    ["sudwest fryslan", "sudwest-fryslan"],
    ["'s-Hertogenbosch", "s-hertogenbosch"],
    ["’s-Gravenhage", "s-gravenhage"],
    ["Beek (L.)", "beek-l"],
    ["  Noardeast-Fryslân ", "noardeast-fryslan"],
    ["Nuenen, Gerwen en Nederwetten", "nuenen-gerwen-en-nederwetten"],
  ])("%s → %s", (name, key) => {
    expect(nameSearchKey(name)).toBe(key);
  });

  it("gives the same key for spellings that differ only in case, accents and punctuation", () => {
    expect(nameSearchKey("SÚDWEST—FRYSLÂN")).toBe(nameSearchKey("súdwest-fryslân"));
  });

  it("keeps letters apart that are really different", () => {
    expect(nameSearchKey("Bergen (L.)")).not.toBe(nameSearchKey("Bergen (NH.)"));
  });
});

describe("normaliseCode", () => {
  it("accepts the CBS forms, any case, trimmed", () => {
    expect(normaliseCode("municipality", " gm0363 ")).toEqual({ code: "GM0363" });
    expect(normaliseCode("labourMarketRegion", "am01")).toEqual({ code: "AM01" });
    expect(normaliseCode("province", "PV27")).toEqual({ code: "PV27" });
  });

  it.each(["363", "GM03", "GM03630", "AM01", ""])("explains why %j is not a municipality code", (raw) => {
    const result = normaliseCode("municipality", raw);
    expect(result).toHaveProperty("problem");
    expect((result as { problem: string }).problem).toContain("GM0363");
  });
});
