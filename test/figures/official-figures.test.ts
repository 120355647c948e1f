import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../src/common/csv.ts";
import { datasetFile } from "../../src/common/datasets.ts";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

const FIELDS = `topic metric period periodStart periodEnd dimension value unit qualifier note source { publisher document date kind }`;

describe.each(BACKENDS)("official national figures through the gateway ($name)", (backend) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(backend);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("serves every transcribed figure from exactly one subgraph, value for value", async () => {
    const res = await stack.gql(`{ municipalFigures { ${FIELDS} } uwvFigures { ${FIELDS} } }`);
    expect(res.errors).toBeUndefined();
    const served = [...res.data!.municipalFigures, ...res.data!.uwvFigures] as Record<string, string>[];
    const published = readCsv(datasetFile("official-figures.csv"));
    expect(served).toHaveLength(published.length);
    const key = (r: Record<string, string>) => `${r.topic}|${r.metric}|${r.period}|${r.dimension}`;
    const byKey = new Map(served.map((r) => [key(r), r]));
    for (const row of published) {
      const figure = byKey.get(key(row));
      expect(figure, key(row)).toBeDefined();
      expect(figure!.value).toBe(row.value); // as printed, "0.760" stays "0.760"
      expect(figure!.qualifier).toBe(row.qualifier);
    }
    expect(new Set(res.data!.municipalFigures.map((f: { topic: string }) => f.topic))).toEqual(
      new Set([
        "buig",
        "participatie_budget",
        "bijstand",
        "beschut_werk",
        "wsw",
        "benefit_parameters",
        "experience_survey",
        "knowledge_and_transformation",
      ]),
    );
  });

  it("gives the 2017 participation budget as published, with its letter as source", async () => {
    const res = await stack.gql(`{ municipalFigures(topic: PARTICIPATIE_BUDGET, period: "2017") { ${FIELDS} } }`);
    expect(res.errors).toBeUndefined();
    const parts = Object.fromEntries(
      res
        .data!.municipalFigures.filter((f: { metric: string }) => f.metric === "integratie_uitkering_participatie")
        .map((f: { dimension: string; value: string }) => [f.dimension, f.value]),
    );
    expect(parts).toEqual({ total: "612.709", classic_target_group: "522.856", new_target_group: "89.853" });
    const total = res.data!.municipalFigures.find((f: { dimension: string }) => f.dimension === "total");
    expect(total).toMatchObject({
      unit: "EUR_MILLION",
      periodStart: "2017-01-01",
      periodEnd: "2017-12-31",
      source: { date: "2017-06-30", kind: "OFFICIAL", publisher: "Ministerie van Sociale Zaken en Werkgelegenheid" },
    });
  });

  it("marks figures the letters give as 'about' or 'more than'", async () => {
    const res = await stack.gql(`{
      buig: municipalFigures(topic: BUIG, metric: "national_deficit") { value qualifier note }
      jobs: uwvFigures(topic: BANENAFSPRAAK, metric: "extra_jobs", period: "2016") { value qualifier }
      key: uwvFigures(metric: "hire_allocation_key", period: "2012") { dimension value unit }
      advice: uwvFigures(topic: BESCHUT_WERK, metric: "assessments_positive", period: "2017-01..2017-05") { dimension value periodStart periodEnd }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.buig).toEqual([{ value: "270", qualifier: "ABOUT", note: expect.stringContaining("4.8%") }]);
    expect(res.data!.jobs).toEqual([{ value: "22000", qualifier: "MORE_THAN" }]);
    expect(res.data!.key).toEqual([
      { dimension: "government", value: "0.240", unit: "SHARE" },
      { dimension: "market", value: "0.760", unit: "SHARE" },
    ]);
    expect(res.data!.advice.find((a: { dimension: string }) => a.dimension === "total")).toEqual({
      dimension: "total",
      value: "601",
      periodStart: "2017-01-01",
      periodEnd: "2017-05-31",
    });
  });

  it("answers an unknown metric with an empty list and an unknown topic with a validation error", async () => {
    const empty = await stack.gql(`{ uwvFigures(metric: "no_such_metric") { value } }`);
    expect(empty.errors).toBeUndefined();
    expect(empty.data!.uwvFigures).toEqual([]);
    const invalid = await stack.gql(`{ uwvFigures(topic: BUIG) { value } }`);
    expect(invalid.data ?? null).toBeNull();
    expect(invalid.errors![0]!.message).toMatch(/UwvTopic/);
  });
});
