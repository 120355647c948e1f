// The participation budget (integratie-uitkering Participatie): the published national parts, each
// municipality's allocation from its shares, and sums over areas. Plain functions over rows.
import { applyShare, sumCents, type Cents } from "../../domain/money.ts";
import { figureFilterKey } from "../../common/official-figures/loaders.ts";
import { computedRef, type SourceRef } from "../../common/source.ts";
import type { MunicipalFigureModel } from "../../generated/prisma/models.ts";
import { millionsAmount, publishedFigure } from "./buig.ts";
import type { MunicipalLoaders } from "./loaders.ts";
import type {
  AmountModel,
  AreaParticipationBudgetModel,
  MunicipalParticipationBudgetModel,
  ParticipationAllocationModel,
  ParticipationParts,
} from "./models.ts";

export const FIGURE_PARTICIPATION = figureFilterKey({ topic: "participatie_budget" });
const METRIC = "integratie_uitkering_participatie";

export type TargetGroup = "CLASSIC" | "NEW";
const DIMENSIONS: Record<TargetGroup, string> = { CLASSIC: "classic_target_group", NEW: "new_target_group" };

/** The published parts of a year; null when the year is not published in full. */
export function nationalParts(figures: MunicipalFigureModel[], year: number): ParticipationParts | null {
  const total = publishedFigure(figures, METRIC, String(year), "total");
  const classic = publishedFigure(figures, METRIC, String(year), DIMENSIONS.CLASSIC);
  const fresh = publishedFigure(figures, METRIC, String(year), DIMENSIONS.NEW);
  if (!total || !classic || !fresh) return null;
  return { total: millionsAmount(total), CLASSIC: millionsAmount(classic), NEW: millionsAmount(fresh) };
}

export async function loadNationalParts(year: number, loaders: MunicipalLoaders) {
  return nationalParts(await loaders.figures.load(FIGURE_PARTICIPATION), year);
}

export function participationYears(figures: MunicipalFigureModel[]): number[] {
  const years = figures.filter((f) => f.metric === METRIC && /^\d{4}$/.test(f.period)).map((f) => Number(f.period));
  return [...new Set(years)].sort((a, b) => a - b);
}

export function allocationOf(
  budget: MunicipalParticipationBudgetModel,
  group: TargetGroup,
): ParticipationAllocationModel | null {
  const row = budget.shares.find((s) => s.targetGroup === group);
  if (!row) return null;
  const share = row.share.toString();
  const part = budget.parts[group];
  return {
    share,
    nationalAmount: part.cents,
    amount: applyShare(part.cents, share),
    source: computedRef(
      `Participation budget ${budget.year} of ${budget.code}, ${group.toLowerCase()} target group`,
      [part.source, row.sourceId],
      `National part × share ${share}, rounded to the cent`,
    ),
  };
}

/** The allocations of the target groups the municipality has a share of. */
const allocationsOf = (budget: MunicipalParticipationBudgetModel) =>
  (["CLASSIC", "NEW"] as const).flatMap((group) => allocationOf(budget, group) ?? []);

export function municipalTotal(budget: MunicipalParticipationBudgetModel): AmountModel {
  const present = allocationsOf(budget);
  return {
    cents: sumCents(present.map((a) => a.amount)),
    qualifier: "STATED",
    source: computedRef(
      `Participation budget ${budget.year} of ${budget.code}`,
      present.map((a) => a.source),
      "Sum of the allocations",
    ),
  };
}

/** The members of an area that have shares in the year; null when none has. */
export async function loadParticipationArea(
  codes: readonly string[],
  year: number,
  what: string,
  loaders: MunicipalLoaders,
): Promise<AreaParticipationBudgetModel | null> {
  const [parts, rows] = await Promise.all([
    loadNationalParts(year, loaders),
    loaders.shares.loadMany(codes.map((code) => `${code}|${year}` as const)),
  ]);
  if (!parts) return null;
  const members = codes.flatMap((code, i) => {
    const shares = rows[i];
    if (shares instanceof Error) throw shares;
    return shares && shares.length > 0 ? [{ code, year, shares, parts }] : [];
  });
  return members.length === 0 ? null : { year, what, members };
}

export function areaSum(area: AreaParticipationBudgetModel, part: TargetGroup | "total"): AmountModel {
  const amounts: { cents: Cents; source: SourceRef }[] =
    part === "total"
      ? area.members.map(municipalTotal)
      : area.members.flatMap((m) => {
          const a = allocationOf(m, part);
          return a ? [{ cents: a.amount, source: a.source }] : [];
        });
  const label = part === "total" ? "total" : `${part.toLowerCase()} target group`;
  return {
    cents: sumCents(amounts.map((a) => a.cents)),
    qualifier: "STATED",
    source: computedRef(
      `Participation budget ${area.year}, ${area.what}, ${label}`,
      amounts.map((a) => a.source),
      `Sum over ${amounts.length} municipalities of ${area.what}`,
    ),
  };
}

export function partsSum(year: number, parts: ParticipationParts): AmountModel {
  return {
    cents: parts.CLASSIC.cents + parts.NEW.cents,
    qualifier: "STATED",
    source: computedRef(
      `Participation budget ${year}, sum of the parts`,
      [parts.CLASSIC.source, parts.NEW.source],
      "Classic + new target group as published",
    ),
  };
}
