// A portal script using the typed client: a region's job-agreement progress and a municipality's
// BUIG result, every number with where it comes from.
//   npx tsx examples/portal-client.ts --url http://localhost:4000/graphql --region AM01 --municipality GM0014 --year 2017
import { parseArgs } from "node:util";
import { createClient, MunicipalityBudgetDocument, RegionJobAgreementDocument } from "nl-work-graph/client";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:4000/graphql" },
    region: { type: "string", default: "AM01" },
    municipality: { type: "string", default: "GM0014" },
    year: { type: "string", default: "2017" },
  },
});
const client = createClient({ url: values.url! });
const year = Number(values.year);

const { labourMarketRegion: region } = await client.request(RegionJobAgreementDocument, {
  code: values.region!,
  fromYear: 2015,
  toYear: 2024,
});
if (!region) throw new Error(`no labour-market region ${values.region}`);
console.log(`Job agreement in ${region.name} (${region.code}): jobs at the end of each year`);
for (const point of region.jobAgreementSeries) {
  console.log(
    `  ${point.period}  jobs ${point.jobs}  extra on 2012 ${point.extraJobs ?? "–"}  on the year before ${point.changeOnPreviousYear ?? "–"}  [${point.source.kind}]`,
  );
}

const { municipality } = await client.request(MunicipalityBudgetDocument, { code: values.municipality!, year });
if (!municipality) throw new Error(`no municipality ${values.municipality}`);
const buig = municipality.buig;
if (!buig) {
  console.log(`${municipality.name}: no BUIG figures for ${year}`);
} else {
  console.log(`BUIG ${year} of ${municipality.name} (${municipality.code}):`);
  console.log(
    `  budget   € ${buig.budget.value} (${buig.budget.stage.toLowerCase()}) [${buig.budget.source.kind}: ${buig.budget.source.publisher}]`,
  );
  console.log(`  spending € ${buig.spending?.value ?? "unknown"}`);
  if (buig.result)
    console.log(
      `  result   € ${buig.result.amount} = ${buig.result.percentOfBudget} % of the budget (${buig.result.kind.toLowerCase()}) [${buig.result.source.kind}]`,
    );
  if (buig.safetyNet)
    console.log(`  safety net € ${buig.safetyNet.payment}${buig.safetyNet.eligible ? "" : " (within the own risk)"}`);
}
