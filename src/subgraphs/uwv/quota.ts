// Whether the quota (quotumregeling) applies to a sector in a year — only as a letter states it — and
// the levy per missing job from the law (Wfsv art. 38h lid 4). A year no source speaks of is
// NOT_STATED, never assumed.
import { Dec } from "../../domain/decimal.ts";
import { quotaLevyCents } from "../../domain/job-agreement.ts";
import { computedRef, type SourceRef } from "../../common/source.ts";
import type { QuotaRuleModel } from "../../generated/prisma/models.ts";
import { quotaLevyParameter } from "./employer-parameters.ts";
import type { UwvLoaders } from "./loaders.ts";
import type { AmountModel, QuotaStatus } from "./models.ts";

export interface QuotaStatement {
  status: QuotaStatus;
  applies: boolean | null;
  explanation: string;
  rule: QuotaRuleModel | null;
}

/** What the letters state about the quota of a sector (market, government) in a year. */
export function quotaStatement(rules: readonly QuotaRuleModel[], sector: string, year: number): QuotaStatement {
  const rule = rules.find((r) => r.sector === sector && r.yearFrom <= year && year <= r.yearTo) ?? null;
  if (rule) {
    const years = rule.yearFrom === rule.yearTo ? `${rule.yearFrom}` : `${rule.yearFrom}–${rule.yearTo}`;
    return {
      status: rule.applies ? "APPLIES" : "DOES_NOT_APPLY",
      applies: rule.applies,
      explanation: `A letter states that the quota ${rule.applies ? "applies to" : "does not apply to"} the ${sector} sector for ${years}${rule.quote ? `: "${rule.quote}"` : ""}`,
      rule,
    };
  }
  const stated = rules
    .filter((r) => r.sector === sector)
    .map(
      (r) =>
        `${r.yearFrom === r.yearTo ? r.yearFrom : `${r.yearFrom}–${r.yearTo}`}: ${r.applies ? "applies" : "does not apply"}`,
    );
  return {
    status: "NOT_STATED",
    applies: null,
    explanation:
      `Not stated in the embedded sources: no letter says whether the quota applies to the ${sector} sector in ${year}` +
      (stated.length > 0 ? ` (the letters state it for ${stated.join("; ")})` : ""),
    rule: null,
  };
}

export interface QuotaInputs {
  rules: QuotaRuleModel[];
  levy: { cents: bigint; sourceId: string };
}

export async function loadQuotaInputs(loaders: UwvLoaders): Promise<QuotaInputs> {
  const [rules, parameters] = await Promise.all([
    loaders.quotaRules.load("all"),
    loaders.employerParameters.load("all"),
  ]);
  return { rules, levy: quotaLevyParameter(parameters) };
}

export const levyPerJobAmount = (levy: QuotaInputs["levy"]): AmountModel => ({
  cents: levy.cents,
  qualifier: "STATED",
  source: levy.sourceId,
});

/** Missing jobs × the law's levy per job, DERIVED, with the inputs named. */
export function levyAmount(
  what: string,
  missingJobs: Dec,
  missingSource: SourceRef,
  levy: QuotaInputs["levy"],
  note: string,
): AmountModel {
  return {
    cents: quotaLevyCents(missingJobs, levy.cents),
    qualifier: "STATED",
    source: computedRef(what, [missingSource, levy.sourceId], note),
  };
}
