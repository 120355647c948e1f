// Every row of the figures file (datasets/official-figures.csv) must be reachable through a typed
// field — not only through the generic municipalFigures/uwvFigures lists. The typed queries below are
// run through the gateway; each answer is turned back into figure rows, and every CSV row must be
// found among them, value for value. The test prints the table: row → the field that serves it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../src/common/csv.ts";
import { datasetFile } from "../../src/common/datasets.ts";
import type { FactTypes } from "../../src/common/official-figures/facts.ts";
import { FACTS as MUNICIPAL_FACTS } from "../../src/subgraphs/municipal/facts.ts";
import { FACTS as UWV_FACTS } from "../../src/subgraphs/uwv/facts.ts";
import { BACKENDS } from "../support/databases.ts";
import { startTestStack, type TestStack } from "../support/stack.ts";

interface Served {
  key: string;
  value: string;
  field: string;
}

const keyOf = (topic: string, metric: string, period: string, dimension: string) =>
  `${topic}|${metric}|${period}|${dimension}`;
const same = (a: string, b: string) => Number(a) === Number(b);
/** euros (an Amount's value) → millions, as the letters print them */
const millions = (euros: string) => String(Number(euros) / 1_000_000);

const FACT_FIELDS = (facts: FactTypes) =>
  Object.values(facts)
    .map(
      ({ root, fields }) =>
        `${root} { ${Object.keys(fields)
          .map((f) => `${f} { topic metric period dimension value }`)
          .join(" ")} }`,
    )
    .join("\n");

const TYPED_QUERY = `{
  jobAgreementYears {
    year hoursPerJob baselineJobs { value } baselineHiredJobs { value } hiredJobs { value } publishedTotalJobs { value }
    sectors {
      sector allocationKey { value source { kind } } baselineAllocationKey { value } directExtraJobs { value source { kind } }
      publishedHiredExtraJobs { value } publishedExtraJobs { value } target { value }
      changeOnPreviousYear { value } directChangeOnPreviousYear { value }
    }
  }
  jobAgreementGrowth { period published { value } publishedPercent }
  candidateProfiles { period channel profiles }
  retention { metric period background percent }
  shelteredWorkAssessments { period requester assessments positive publishedPositiveRatePercent }
  participationBudgets { year total { value } classicTargetGroup { value } newTargetGroup { value } }
  b2013: buigNational(year: 2013) { publishedResult { amount } }
  b2016: buigNational(year: 2016) { publishedResult { amount percentOfBudget } }
  b2017: buigNational(year: 2017) { macrobudgetStages { stage value source { kind } } changeOnPreviousYear { value } }
  p2016: shelteredWorkPlaces(year: 2016) { publishedRealised { value } hoursPerPlace }
  p2017: shelteredWorkPlaces(year: 2017) { publishedTarget { value } structuralTarget { value } }
  shelteredWorkBonus { period available { value } paid { value } retained { value } }
  ${FACT_FIELDS(UWV_FACTS)}
  ${FACT_FIELDS(MUNICIPAL_FACTS)}
}`;

const SECTOR_DIMENSION: Record<string, string> = { MARKET: "market", GOVERNMENT: "government", TOTAL: "total" };
const REQUESTER_DIMENSION: Record<string, string> = {
  MUNICIPALITY: "municipality_request",
  CITIZEN: "citizen_request",
  TOTAL: "total",
};

/** The typed answer, turned back into figure rows with the field that served each. */
function servedRows(data: Record<string, any>): Served[] {
  const out: Served[] = [];
  const add = (topic: string, metric: string, period: string, dimension: string, value: unknown, field: string) => {
    if (value !== null && value !== undefined)
      out.push({ key: keyOf(topic, metric, period, dimension), value: String(value), field });
  };
  const b = "banenafspraak";
  for (const y of data.jobAgreementYears) {
    const p = String(y.year);
    add(b, "hours_per_job_per_week", "all", "all", y.hoursPerJob, "JobAgreementYear.hoursPerJob");
    add(b, "baseline_jobs", "2012", "total", y.baselineJobs?.value, "JobAgreementYear.baselineJobs");
    add(b, "baseline_jobs_via_hire", "2012", "total", y.baselineHiredJobs?.value, "JobAgreementYear.baselineHiredJobs");
    add(b, "jobs_via_hire", p, "total", y.hiredJobs?.value, "JobAgreementYear.hiredJobs");
    add(b, "total_jobs", p, "total", y.publishedTotalJobs?.value, "JobAgreementYear.publishedTotalJobs");
    for (const s of y.sectors) {
      const d = SECTOR_DIMENSION[s.sector]!;
      if (s.allocationKey?.source.kind === "OFFICIAL")
        add(b, "hire_allocation_key", p, d, s.allocationKey.value, "SectorResult.allocationKey");
      add(b, "hire_allocation_key", "2012", d, s.baselineAllocationKey?.value, "SectorResult.baselineAllocationKey");
      if (s.directExtraJobs?.source.kind === "OFFICIAL")
        add(b, "extra_jobs_formal", p, d, s.directExtraJobs.value, "SectorResult.directExtraJobs");
      add(b, "extra_jobs_via_hire", p, d, s.publishedHiredExtraJobs?.value, "SectorResult.publishedHiredExtraJobs");
      add(b, "extra_jobs", p, d, s.publishedExtraJobs?.value, "SectorResult.publishedExtraJobs");
      add(b, "target_extra_jobs", p, d, s.target?.value, "SectorResult.target");
      add(
        b,
        "extra_jobs_change_vs_previous_year",
        p,
        d,
        s.changeOnPreviousYear?.value,
        "SectorResult.changeOnPreviousYear",
      );
      add(
        b,
        "extra_jobs_formal_change_vs_previous_year",
        p,
        d,
        s.directChangeOnPreviousYear?.value,
        "SectorResult.directChangeOnPreviousYear",
      );
    }
  }
  for (const g of data.jobAgreementGrowth) {
    const metric = g.period.includes("Q") ? "jobs_growth_q2_yoy" : "job_growth";
    add(b, metric, g.period, "total", g.published.value, "JobGrowthComparison.published");
    add(b, `${metric}_pct`, g.period, "total", g.publishedPercent, "JobGrowthComparison.publishedPercent");
  }
  for (const c of data.candidateProfiles)
    add(b, "candidate_profiles_published", c.period, c.channel.toLowerCase(), c.profiles, "Query.candidateProfiles");
  for (const r of data.retention)
    add("retention", r.metric, r.period, r.background.toLowerCase(), r.percent, "Query.retention");
  for (const a of data.shelteredWorkAssessments) {
    const d = REQUESTER_DIMENSION[a.requester]!;
    const f = "Query.shelteredWorkAssessments";
    add("beschut_werk", "assessments", a.period, d, a.assessments, f);
    add("beschut_werk", "assessments_positive", a.period, d, a.positive, f);
    add("beschut_werk", "assessments_positive_pct", a.period, d, a.publishedPositiveRatePercent, f);
  }
  for (const p of data.participationBudgets) {
    const f = "Query.participationBudgets";
    const m = "integratie_uitkering_participatie";
    add("participatie_budget", m, String(p.year), "total", millions(p.total.value), `${f}.total`);
    add("participatie_budget", m, String(p.year), "classic_target_group", millions(p.classicTargetGroup.value), f);
    add("participatie_budget", m, String(p.year), "new_target_group", millions(p.newTargetGroup.value), f);
  }
  add(
    "buig",
    "national_surplus",
    "2013",
    "total",
    millions(data.b2013.publishedResult.amount),
    "BuigNationalYear.publishedResult",
  );
  add(
    "buig",
    "national_deficit",
    "2016",
    "total",
    millions(data.b2016.publishedResult.amount.replace("-", "")),
    "BuigNationalYear.publishedResult",
  );
  add(
    "buig",
    "national_deficit_pct",
    "2016",
    "total",
    data.b2016.publishedResult.percentOfBudget?.replace("-", ""),
    "BuigResult.percentOfBudget",
  );
  for (const s of data.b2017.macrobudgetStages.filter((s: any) => s.source.kind === "OFFICIAL"))
    add("buig", "macrobudget", "2017", "total", millions(s.value), "BuigNationalYear.macrobudgetStages");
  add(
    "buig",
    "macrobudget_change_vs_previous_year",
    "2017",
    "total",
    millions(data.b2017.changeOnPreviousYear.value),
    "BuigNationalYear.changeOnPreviousYear",
  );
  add(
    "beschut_werk",
    "places_realised",
    "2016",
    "total",
    data.p2016.publishedRealised?.value,
    "NationalShelteredWork.publishedRealised",
  );
  add(
    "beschut_werk",
    "hours_per_place_per_week",
    "all",
    "all",
    data.p2016.hoursPerPlace,
    "NationalShelteredWork.hoursPerPlace",
  );
  add(
    "beschut_werk",
    "places_target",
    "2017",
    "total",
    data.p2017.publishedTarget?.value,
    "NationalShelteredWork.publishedTarget",
  );
  add(
    "beschut_werk",
    "places_target_structural",
    "2048",
    "total",
    data.p2017.structuralTarget?.value,
    "NationalShelteredWork.structuralTarget",
  );
  for (const bonus of data.shelteredWorkBonus) {
    add(
      "beschut_werk",
      "bonus_available",
      bonus.period,
      "total",
      millions(bonus.available.value),
      "ShelteredWorkBonus.available",
    );
    add("beschut_werk", "bonus_paid", bonus.period, "total", millions(bonus.paid.value), "ShelteredWorkBonus.paid");
    add(
      "beschut_werk",
      "bonus_retained_for_new_target_group",
      bonus.period,
      "total",
      millions(bonus.retained.value),
      "ShelteredWorkBonus.retained",
    );
  }
  for (const facts of [UWV_FACTS, MUNICIPAL_FACTS]) {
    for (const [type, { root, fields }] of Object.entries(facts)) {
      for (const field of Object.keys(fields)) {
        const value = data[root][field];
        for (const f of Array.isArray(value) ? value : value ? [value] : [])
          add(f.topic, f.metric, f.period, f.dimension, f.value, `${type}.${field}`);
      }
    }
  }
  return out;
}

describe.each(BACKENDS)("every figure of the letters has a typed home ($name)", (backend) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(backend);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("serves every row of the figures file through a typed field, value for value", async () => {
    const res = await stack.gql(TYPED_QUERY);
    expect(res.errors).toBeUndefined();
    const served = servedRows(res.data!);
    const rows = readCsv(datasetFile("official-figures.csv"));
    const table = rows.map((row) => {
      const key = keyOf(row.topic!, row.metric!, row.period!, row.dimension!);
      const hit = served.find((s) => s.key === key && same(s.value, row.value!));
      return { row: `${key} = ${row.value}`, field: hit?.field ?? null };
    });
    console.log(table.map((t) => `${t.row} → ${t.field ?? "NOT TYPED"}`).join("\n"));
    expect(table.filter((t) => t.field === null).map((t) => t.row)).toEqual([]);
    expect(table).toHaveLength(rows.length);
  });
});
