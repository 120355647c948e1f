// Writes docs/recipes.md: the questions partner portals ask most, each with its query and the answer
// the embedded data gives (official figures, plus the default SYNTHETIC municipal and regional ones).
// npm run docs:recipes (a test runs every query and fails when an answer in the page is stale)
import { writeFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Recipe {
  question: string;
  who: string;
  query: string;
  variables?: Record<string, unknown>;
  /** what the answer shows, if only a part (long lists) */
  show?: (data: any) => unknown;
  note?: string;
}

export const RECIPES: Recipe[] = [
  {
    question:
      "Which municipalities are in a labour-market region, how many people live there, and where does that number come from?",
    who: "regional employer service points",
    query: `query ($code: ID!) {
  labourMarketRegion(code: $code) {
    name
    population { value referenceDate municipalityCount source { publisher kind note } }
    municipalities(first: 3, orderBy: { field: POPULATION, direction: DESC }) {
      totalCount
      nodes { code name population { value source { publisher document license } } }
    }
  }
}`,
    variables: { code: "AM01" },
  },
  {
    question:
      "How far was government from its 2021 job-agreement target, and how much of its growth came from hired jobs?",
    who: "the ministry, policy analysts",
    query: `{
  jobAgreement(year: 2021) {
    government: sector(sector: GOVERNMENT) {
      target { value } realisedExtraJobs { value } shortfall { value } progressPercent
      directExtraJobs { value } hiredExtraJobs { value source { note } } hiredSharePercent
    }
  }
}`,
  },
  {
    question: "Did each sector meet its 2021 target, does the quota apply, and what would the levy be?",
    who: "the ministry, employer organisations",
    query: `{
  jobAgreement(year: 2021) {
    sectors {
      sector target { value } publishedExtraJobs { value } extraJobs { value } targetMet
      quota { status applies explanation levy { value } levyIfApplied { value source { kind } } levyPerJob { value source { document url } } }
    }
  }
}`,
    note: "`extraJobs` is computed from the inputs (direct + hired via the allocation key) beside the published `publishedExtraJobs`. No embedded letter says whether the quota applies in 2021, so `status` is NOT_STATED and no levy is stated as due; `levyIfApplied` is the shortfall × the law's € 5,000 per missing job (Wfsv art. 38h lid 4).",
  },
  {
    question: "What does an employer receive for hiring someone from the job-agreement target group?",
    who: "employers, regional employer service points",
    query: `query ($year: Int!) {
  employerIncentives(year: $year, hourlyWage: "14.50", hoursPerYear: "1560", employee: { jobAgreementTargetGroup: true }) {
    year lawTextVersion coveredYears totalRule
    total { value }
    instruments {
      instrument status reason maxYears amount { value } paid { value } ratePerPaidHour { value } capPerYear { value }
      parameters { article quote }
    }
  }
}`,
    variables: { year: 2024 },
    note: "Every parameter comes from the law text of 1 January of the year (Wet tegemoetkomingen loondomein), with its article and sentence. With more than one instrument the law pays only the highest (art. 4.1 lid 3). Years other than 2018 and 2024 are refused with a BAD_USER_INPUT error that names the covered years.",
  },
  {
    question: "What quota levy would an employer pay on its shortfall, and is it due?",
    who: "employers, employer organisations",
    query: `{
  employerQuotaLevy(year: 2021, sector: GOVERNMENT, quotaJobs: "12.5", actualJobs: "10") {
    shortfall levyPerJob { value source { document } } levy { value } quotaStatus explanation
  }
}`,
  },
  {
    question: "Where did the job agreement stand in 2020, and do the regional figures keep the published growth?",
    who: "UWV, policy analysts",
    query: `{
  jobAgreement(year: 2020) { totalJobs { value } sectors { sector extraJobs { value source { kind note } } } }
  jobAgreementGrowth { period fromPeriod toPeriod published { value } publishedPercent regionalGrowth { value source { kind } } difference }
}`,
    note: "No letter prints the 2020 levels: they follow from the 2021 figures minus the published changes on 2020 (DERIVED, the note names the inputs). The regional figures are SYNTHETIC and generated to keep the published growth exactly.",
  },
  {
    question: "Which regions have the most extra job-agreement jobs since 2012?",
    who: "UWV, regional employer service points",
    query: `{
  labourMarketRegions(year: 2021) { code name jobAgreement(year: 2021) { jobs extraJobs changeOnPreviousYear source { kind } } }
}`,
    show: (data) =>
      [...data.labourMarketRegions]
        .sort((a: any, b: any) => Number(b.jobAgreement.extraJobs) - Number(a.jobAgreement.extraJobs))
        .slice(0, 3),
    note: "The answer shown is the three largest after sorting the 35 regions on `extraJobs` in the portal; regional figures are SYNTHETIC in the embedded data.",
  },
  {
    question:
      "What did a municipality get and spend from its BUIG budget, what is its result, and does it qualify for a safety-net payment?",
    who: "municipalities, Divosa",
    query: `query ($code: ID!, $year: Int!) {
  municipality(code: $code) {
    name
    buig(year: $year) {
      budget { stage value source { kind } } spending { value } result { amount percentOfBudget kind }
      safetyNet { payment eligible deficitPercentOfBudget rule { ownRiskPercent source { kind } } }
    }
  }
}`,
    variables: { code: "GM0363", year: 2017 },
  },
  {
    question: "How large was the national BUIG deficit in 2016, on which macrobudget?",
    who: "the ministry, VNG",
    query: `{
  buigNational(year: 2016) {
    macrobudget { stage value qualifier source { kind note } }
    publishedResult { amount percentOfBudget qualifier }
    spending { value qualifier }
  }
}`,
  },
  {
    question: "How was the participation budget divided, and do the published parts add up?",
    who: "municipalities, the ministry",
    query: `{
  participationBudgets { year total { value } classicTargetGroup { value } newTargetGroup { value } partsDifference allocationDifference }
}`,
  },
  {
    question: "What share of citizens' requests for sheltered work got a positive advice in January–May 2017?",
    who: "policy analysts",
    query: `{
  shelteredWorkAssessments(period: "2017-01..2017-05") {
    requester assessments positive positiveRatePercent publishedPositiveRatePercent rateDifference
  }
}`,
    note: "The rate is computed from the counts; the letter's printed percentage stands beside it (71 % for 601 of 890, which is 67.5 %).",
  },
  {
    question: "How many sheltered-work places were realised against the regulation's target?",
    who: "municipalities, the ministry",
    query: `{
  shelteredWorkPlaces(year: 2017) {
    publishedTarget { value } hoursPerPlace
    municipalTotal { target { value } realised { value source { kind } } progressPercent }
  }
  municipality(code: "GM0014") { name shelteredWorkPlaces(year: 2017) { target { value } realised { value } shortfall } }
}`,
  },
  {
    question:
      "How did a region's municipalities and BUIG budget change between 2016 and 2023, and which classification is each year's sum over?",
    who: "policy analysts, regional employer service points",
    query: `query ($code: ID!) {
  labourMarketRegion(code: $code) {
    name
    m2016: municipalityCount(year: 2016)
    m2023: municipalityCount(year: 2023)
    b2016: buig(year: 2016) { municipalityCount budget { value source { kind note } } }
    b2023: buig(year: 2023) { municipalityCount budget { value source { kind note } } }
  }
  c2016: regionClassification(year: 2016) { kind source { publisher document } }
  c2023: regionClassification(year: 2023) { kind uncertain { municipality { name } region { code } reason } }
}`,
    variables: { code: "AM01" },
    note: "Mergers in Groningen (2019, 2021) took the region from 27 municipalities to 14. 2016's classification is published (CBS 83287NED); none of 2023 is embedded, so its membership is DERIVED by the rule in the classification's source note, and every uncertain membership is listed with its reason. Import CBS's real classification of a year with `npm run data -- import region-membership` to replace a derived one.",
  },
  {
    question: "What became of a dissolved municipality, and what did it have before it ended?",
    who: "municipalities, policy analysts",
    query: `{
  weesp: municipality(name: "Weesp") {
    code name firstYear lastYear dissolvedOn exists
    successors { municipality { code name } effectiveDate kind }
    buig2021: buig(year: 2021) { budget { value source { kind } } }
    region2021: regionMembership(year: 2021) { region { code name } kind uncertain reason }
  }
  haaren: municipality(code: "GM0788") { name dissolvedOn successors { code name kind } }
  amsterdam: municipality(code: "GM0363") { predecessors { code name effectiveDate kind } }
}`,
  },
  {
    question: 'Which municipality does a user mean when they type "Den Haag" or "bergen"?',
    who: "portal developers (search boxes)",
    query: `{
  denHaag: municipalitySearch(text: "Den Haag", first: 3) { municipality { code name province { name } } reason matched }
  bergen: municipalitySearch(text: "bergen", first: 4) { municipality { code name province { name } } reason matched }
  typo: municipalitySearch(text: "Amstrdam", first: 2) { municipality { code name } reason distance }
}`,
    note: '`municipality(name: "Bergen")` refuses to guess: it is a BAD_USER_INPUT error listing Bergen (L.) and Bergen (NH.).',
  },
  {
    question: "Which figures are forecasts or approximations, and which were never published?",
    who: "policy analysts",
    query: `{
  wajong: uwvFigures(topic: WAJONG, metric: "with_work_capacity") { value qualifier note }
  retention(period: "2015Q3-2016Q3", background: ALL) { metric percent qualifier }
  buigNational(year: 2019) { macrobudget { stage value qualifier publishedOn source { kind } } }
}`,
    note: 'A forecast ("verwacht") is FORECAST, "ongeveer" ABOUT, "bijna" ALMOST; a generated figure is NOT_PUBLISHED, without a publication date, whatever its source kind says.',
  },
  {
    question: "What did the activation of old Wajong recipients achieve, and which IOAZ norms were wrong?",
    who: "UWV, municipalities",
    query: `{
  wajongActivation {
    inWorkOrSupport { value qualifier } calledForIntake { value }
    intakeOutcomes { dimension value unit period } placed { value qualifier source { document } }
  }
  benefitParameters { ioazIncomeNorms { dimension value } ioazIncomeNormShortfall { dimension value } }
}`,
    note: "Every fact the letters state has a named field; the generic `uwvFigures`/`municipalFigures` lists stay for browsing.",
  },
  {
    question: "Where does a national figure come from, and how is it qualified?",
    who: "everyone",
    query: `{
  uwvFigures(topic: BANENAFSPRAAK, metric: "extra_jobs", period: "2016") {
    value unit qualifier note periodStart periodEnd source { publisher document date kind }
  }
}`,
  },
];

const fence = (lang: string, text: string) => "```" + lang + "\n" + text.trim() + "\n```\n";

export async function renderRecipes(
  run: (query: string, variables?: Record<string, unknown>) => Promise<any>,
): Promise<string> {
  const parts: string[] = [];
  for (const [i, recipe] of RECIPES.entries()) {
    const result = await run(recipe.query, recipe.variables);
    if (result.errors) throw new Error(`recipe ${i + 1} failed: ${JSON.stringify(result.errors)}`);
    const answer = recipe.show ? recipe.show(result.data) : result.data;
    parts.push(
      `## ${i + 1}. ${recipe.question}\n\n*Asked by ${recipe.who}.*\n\n` +
        fence("graphql", recipe.query) +
        (recipe.variables ? `\nVariables:\n\n${fence("json", JSON.stringify(recipe.variables))}` : "") +
        `\nAnswer from the embedded data:\n\n${fence("json", JSON.stringify(answer, null, 2))}` +
        (recipe.note ? `\n${recipe.note}\n` : ""),
    );
  }
  return (
    "<!-- Generated by `npm run docs:recipes` by running each query against the embedded data. Do not edit. -->\n" +
    "# Recipes: the questions partner portals ask most\n\n" +
    "Each recipe is a query you can paste into GraphiQL (http://localhost:4000/graphql after `npm start`) with the\n" +
    "answer the embedded data gives. National figures are official; per-municipality and per-region figures are\n" +
    "SYNTHETIC unless you imported real ones — every `source.kind` says which. Field by field: [schema.md](schema.md).\n\n" +
    parts.join("\n")
  );
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const { startLocalStack } = await import("../src/app.ts");
  const dir = mkdtempSync(path.join(tmpdir(), "recipes-"));
  const stack = await startLocalStack({ kind: "pglite", dataDir: path.join(dir, "db") });
  try {
    const markdown = await renderRecipes(async (query, variables) => {
      const response = await fetch(stack.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    });
    writeFileSync(path.resolve(import.meta.dirname, "../docs/recipes.md"), markdown);
    console.log("wrote docs/recipes.md");
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
