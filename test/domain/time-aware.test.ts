import { describe, expect, it } from "vitest";
import {
  changeKind,
  codesIn,
  deriveLifetimes,
  existsOn1January,
  firstYearOf,
  lastYearOf,
  type MunicipalChange,
} from "../../src/domain/municipal-history.ts";
import { MembershipHistory } from "../../src/domain/region-membership.ts";
import { baseName, rank, resolveName, type Searchable } from "../../src/domain/search.ts";

// A small country: A and B merge into new C in 2019; D is split over E and F in 2021; F absorbs G
// mid-year 2022. Complete sets are published for 2016 and 2025.
const changes: MunicipalChange[] = [
  { effectiveDate: "2019-01-01", dissolvedCode: "GM0001", successorCode: "GM0900" },
  { effectiveDate: "2019-01-01", dissolvedCode: "GM0002", successorCode: "GM0900" },
  { effectiveDate: "2021-01-01", dissolvedCode: "GM0004", successorCode: "GM0005" },
  { effectiveDate: "2021-01-01", dissolvedCode: "GM0004", successorCode: "GM0006" },
  { effectiveDate: "2022-03-24", dissolvedCode: "GM0007", successorCode: "GM0006" },
];
const sets = new Map([
  [2016, new Set(["GM0001", "GM0002", "GM0004", "GM0005", "GM0006", "GM0007"])],
  [2025, new Set(["GM0900", "GM0005", "GM0006"])],
]);
const lifetimes = deriveLifetimes(
  ["GM0001", "GM0002", "GM0004", "GM0005", "GM0006", "GM0007", "GM0900"],
  changes,
  sets,
);

describe("municipalities over time", () => {
  it("creates a successor only when it is new, and keeps a mid-year dissolution for that year", () => {
    expect(lifetimes.get("GM0900")).toEqual({ code: "GM0900", createdOn: "2019-01-01", dissolvedOn: null });
    expect(lifetimes.get("GM0006")).toEqual({ code: "GM0006", createdOn: null, dissolvedOn: null });
    expect(lifetimes.get("GM0007")!.dissolvedOn).toBe("2022-03-24");
    expect(existsOn1January(lifetimes.get("GM0007")!, 2022)).toBe(true);
    expect(existsOn1January(lifetimes.get("GM0007")!, 2023)).toBe(false);
    expect(lastYearOf(lifetimes.get("GM0007")!)).toBe(2022);
    expect(lastYearOf(lifetimes.get("GM0001")!)).toBe(2018);
    expect(firstYearOf(lifetimes.get("GM0900")!)).toBe(2019);
    expect(codesIn(lifetimes.values(), 2018)).toEqual(["GM0001", "GM0002", "GM0004", "GM0005", "GM0006", "GM0007"]);
    expect(codesIn(lifetimes.values(), 2023)).toEqual(["GM0005", "GM0006", "GM0900"]);
  });

  it("tells a merger, a split and a rename apart", () => {
    expect(changeKind(changes[0]!, changes, "2019-01-01")).toBe("MERGER");
    expect(changeKind(changes[2]!, changes, null)).toBe("SPLIT");
    const rename = { effectiveDate: "2015-06-01", dissolvedCode: "GM1921", successorCode: "GM1940" };
    expect(changeKind(rename, [rename], "2015-06-01")).toBe("RENAME");
  });

  it("before the first complete set, takes a successor as new when its code is above every code dissolved that day", () => {
    const early = [
      { effectiveDate: "2010-01-01", dissolvedCode: "GM0885", successorCode: "GM0983" },
      { effectiveDate: "2010-01-01", dissolvedCode: "GM1661", successorCode: "GM1895" },
    ];
    const l = deriveLifetimes(["GM0983", "GM1895"], early, new Map());
    expect(l.get("GM0983")!.createdOn).toBeNull();
    expect(l.get("GM1895")!.createdOn).toBe("2010-01-01");
  });
});

describe("region membership by year", () => {
  const evidence = [
    ...["GM0001", "GM0002", "GM0004", "GM0005", "GM0006", "GM0007"].map((code) => ({
      year: 2016,
      municipalityCode: code,
      regionCode: code === "GM0002" ? "AM02" : "AM01",
      sourceId: "cbs-2016",
    })),
    ...["GM0900", "GM0005", "GM0006"].map((code) => ({
      year: 2025,
      municipalityCode: code,
      regionCode: code === "GM0005" ? "AM03" : "AM01",
      sourceId: "cbs-2025",
    })),
    // CBS's table of 2022, G's last year, puts it in AM02
    { year: 2022, municipalityCode: "GM0007", regionCode: "AM02", sourceId: "cbs-history" },
  ];
  const history = new MembershipHistory({
    lifetimes,
    changes,
    evidence,
    classifications: [
      { year: 2016, sourceId: "cbs-2016" },
      { year: 2025, sourceId: "cbs-2025" },
    ],
  });

  it("serves a published year as published, and a row stated for a year without a classification", () => {
    expect(history.year(2016).get("GM0002")).toMatchObject({
      regionCode: "AM02",
      basis: "CLASSIFICATION",
      uncertain: false,
    });
    expect(history.year(2022).get("GM0007")).toMatchObject({
      regionCode: "AM02",
      basis: "STATED",
      sourceId: "cbs-history",
    });
  });

  it("carries the latest known region forward, and flags what a later source contradicts", () => {
    const e2020 = history.year(2020).get("GM0005")!;
    expect(e2020).toMatchObject({ regionCode: "AM01", basis: "DERIVED", uncertain: true });
    expect(e2020.reason).toMatch(/AM03 \(2025\)/);
    expect(history.year(2020).get("GM0006")).toMatchObject({ regionCode: "AM01", uncertain: false });
  });

  it("gives a new municipality its predecessors' region, uncertain when they lay in different regions", () => {
    const c = history.year(2019).get("GM0900")!;
    expect(c.basis).toBe("DERIVED");
    expect(c.uncertain).toBe(true);
    // the later known region (AM01 in 2025) breaks the tie
    expect(c.regionCode).toBe("AM01");
    expect(c.reason).toMatch(/formed from municipalities in different regions \(AM01 \(2016\), AM02 \(2016\)\)/);
  });

  it("lists only the municipalities of the year", () => {
    expect([...history.year(2021).keys()].sort()).toEqual(["GM0005", "GM0006", "GM0007", "GM0900"]);
  });
});

describe("search", () => {
  const items: Searchable[] = [
    {
      code: "GM0518",
      preferred: true,
      forms: [
        { text: "'s-Gravenhage", reason: "NAME" },
        { text: "Den Haag", reason: "ALIAS" },
      ],
    },
    { code: "GM0893", preferred: true, forms: [{ text: "Bergen (L.)", reason: "NAME" }] },
    { code: "GM0373", preferred: true, forms: [{ text: "Bergen (NH.)", reason: "NAME" }] },
    { code: "GM0748", preferred: true, forms: [{ text: "Bergen op Zoom", reason: "NAME" }] },
    { code: "GM0788", preferred: false, forms: [{ text: "Haaren", reason: "NAME" }] },
  ];
  const code = (text: string) => (/^gm\d{4}$/i.test(text) ? text.toUpperCase() : null);

  it("ranks by reason and says why", () => {
    expect(rank(items, "den haag", code).map((m) => [m.item.code, m.reason])).toEqual([["GM0518", "ALIAS"]]);
    expect(rank(items, "gm0518", code)[0]).toMatchObject({ reason: "CODE" });
    expect(rank(items, "bergen", code).map((m) => [m.item.code, m.reason])).toEqual([
      ["GM0893", "NAME"],
      ["GM0373", "NAME"],
      ["GM0748", "PREFIX"],
    ]);
    expect(rank(items, "Haaran", code)[0]).toMatchObject({ reason: "SPELLING", distance: 1 });
    expect(baseName("Bergen (NH.)")).toBe("Bergen");
  });

  it("resolves a name only when one place fits, and lists the candidates otherwise", () => {
    expect(resolveName(rank(items, "Den Haag", code)).found?.code).toBe("GM0518");
    const bergen = resolveName(rank(items, "Bergen", code));
    expect(bergen.found).toBeNull();
    expect(bergen.candidates.map((c) => c.item.code)).toEqual(["GM0893", "GM0373"]);
    // a suggestion (prefix, spelling) is never an answer
    expect(resolveName(rank(items, "Haar", code))).toEqual({ found: null, candidates: [] });
  });
});
