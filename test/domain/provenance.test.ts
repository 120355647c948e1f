import { describe, expect, it } from "vitest";
import { combineQualifiers, labelOf, provenanceBreaches } from "../../src/domain/provenance.ts";

const official = { kind: "OFFICIAL", date: "2017-06-30", document: "Brief", note: null };

describe("how a figure is labelled", () => {
  it("labels a generated figure NOT_PUBLISHED, without a publication date, whatever was stored", () => {
    expect(labelOf({ qualifier: "STATED", publishedOn: "2018-09-30" }, "SYNTHETIC")).toEqual({
      qualifier: "NOT_PUBLISHED",
      publishedOn: null,
    });
    expect(labelOf({ qualifier: "ABOUT", publishedOn: "2017-06-30" }, "OFFICIAL")).toEqual({
      qualifier: "ABOUT",
      publishedOn: "2017-06-30",
    });
    expect(labelOf({ qualifier: "ABOUT", publishedOn: "2017-06-30" }, "DERIVED").publishedOn).toBeNull();
  });

  it("keeps the least certain qualifier of the inputs", () => {
    expect(combineQualifiers(["STATED", "STATED"])).toBe("STATED");
    expect(combineQualifiers(["STATED", "ALMOST"])).toBe("ABOUT");
    expect(combineQualifiers(["FORECAST", "ABOUT"])).toBe("FORECAST");
    expect(combineQualifiers(["FORECAST", "NOT_PUBLISHED"])).toBe("NOT_PUBLISHED");
  });
});

describe("the provenance rules", () => {
  it("passes a well-labelled figure of each kind", () => {
    expect(provenanceBreaches({ qualifier: "ABOUT", source: official })).toEqual([]);
    expect(provenanceBreaches({ qualifier: "NOT_PUBLISHED", source: { kind: "SYNTHETIC", document: "gen" } })).toEqual(
      [],
    );
    expect(
      provenanceBreaches({
        qualifier: "STATED",
        source: { kind: "DERIVED", document: "sum", note: "Sum of the sectors. Computed from X; Y" },
      }),
    ).toEqual([]);
    expect(
      provenanceBreaches({
        source: {
          kind: "ASSUMED",
          document: "rule",
          note: "ASSUMED: as commonly described; the law text is not embedded",
        },
      }),
    ).toEqual([]);
  });

  it("finds a synthetic figure passing for a published one", () => {
    expect(
      provenanceBreaches({
        qualifier: "STATED",
        publishedOn: "2018-09-30",
        source: { kind: "SYNTHETIC", document: "gen" },
      }),
    ).toEqual(["SYNTHETIC figure with qualifier STATED", "SYNTHETIC figure with a publication date 2018-09-30"]);
    expect(provenanceBreaches({ qualifier: "NOT_PUBLISHED", source: official })).toEqual([
      "OFFICIAL figure with qualifier NOT_PUBLISHED",
    ]);
  });

  it("finds a derived figure that does not name its inputs or its rule", () => {
    expect(
      provenanceBreaches({ qualifier: "STATED", source: { kind: "DERIVED", document: "x", note: "a sum" } }),
    ).toEqual(["DERIVED figure whose source does not name its inputs"]);
    expect(
      provenanceBreaches({ qualifier: "STATED", source: { kind: "DERIVED", document: "x", note: "Computed from A" } }),
    ).toEqual(["DERIVED figure whose source names no rule"]);
  });

  it("finds an assumption without its reason, and an official source without a date", () => {
    expect(provenanceBreaches({ source: { kind: "ASSUMED", document: "x", note: "5000" } })).toHaveLength(1);
    expect(provenanceBreaches({ source: { ...official, date: "June 2017" } })).toEqual([
      "OFFICIAL source without an ISO date (June 2017)",
    ]);
  });
});
