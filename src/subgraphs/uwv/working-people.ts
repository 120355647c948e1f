// The change in persons with a disability in work between the two year-ends the letter gives
// (135,039 → 137,753: +2,714), computed from the published figures.
import { computedRef } from "../../common/source.ts";
import { Dec } from "../../domain/decimal.ts";
import { combineQualifiers } from "../../domain/provenance.ts";
import { JOB_AGREEMENT } from "./job-agreement.ts";
import type { UwvLoaders } from "./loaders.ts";
import type { JobCountModel } from "./models.ts";

export async function personsChange(loaders: UwvLoaders): Promise<JobCountModel | null> {
  const persons = (await loaders.figures.load(JOB_AGREEMENT))
    .filter((f) => f.metric === "working_people_with_disability" && /^\d{4}$/.test(f.period))
    .sort((a, b) => a.period.localeCompare(b.period));
  const [before, last] = persons.slice(-2);
  if (!before || !last || Number(last.period) !== Number(before.period) + 1) return null;
  return {
    value: Dec.of(last.valueText).sub(Dec.of(before.valueText)),
    qualifier: combineQualifiers([before.qualifier, last.qualifier]),
    source: computedRef(
      `Persons with a disability in work: change ${before.period}–${last.period}`,
      [before.sourceId, last.sourceId],
      `Persons at the end of ${last.period} (${last.valueText}) minus at the end of ${before.period} (${before.valueText})`,
    ),
  };
}
