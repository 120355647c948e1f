// Assembles the BUIG and participation-budget views from stored inputs (through the loaders) and
// the pure domain rules. Every derived amount names what it was computed from.
import { buigResult, safetyNetPayment, type SafetyNetRule } from "../../domain/buig.ts";
import { byStage, combineQualifiers, macrobudgetStagesOf } from "../../domain/macrobudget.ts";
import { applyShare, millionsToCents, shareOf, sumCents, type Cents } from "../../domain/money.ts";
import { figureFilterKey } from "../../common/official-figures/loaders.ts";
import type { SourceRef } from "../../common/source.ts";
import { computedFrom, resolveSourceRef } from "../../common/source-refs.ts";
import type { BuigBudgetModel, MunicipalFigureModel } from "../../generated/prisma/models.ts";
import type { Context } from "./context.ts";
import { codeYear } from "./loaders.ts";
import type {
  AmountModel,
  AreaBuigModel,
  AreaParticipationBudgetModel,
  BuigNationalYearModel,
  BuigResultModel,
  BuigStageAmountModel,
  BuigStageName,
  MunicipalBuigModel,
  MunicipalParticipationBudgetModel,
  NationalParticipationBudgetModel,
  ParticipationAllocationModel,
  SafetyNetRuleModel,
} from "./models.ts";

/** Resolves a SourceRef for the GraphQL `source` fields. */
export const resolveSource = (ref: SourceRef, ctx: Context) => resolveSourceRef(ref, ctx.loaders.source);

const computed = (document: string, inputs: readonly SourceRef[], ctx: Context, note?: string) =>
  computedFrom(document, inputs, ctx.loaders.source, note);

const FIGURE_BUIG = figureFilterKey({ topic: "buig" });
const FIGURE_PARTICIPATION = figureFilterKey({ topic: "participatie_budget" });

function publishedFigure(figures: MunicipalFigureModel[], metric: string, period: string, dimension = "total") {
  return figures.find((f) => f.metric === metric && f.period === period && f.dimension === dimension) ?? null;
}

function millionsAmount(figure: MunicipalFigureModel): AmountModel {
  return { cents: millionsToCents(figure.valueText), qualifier: figure.qualifier, source: figure.sourceId };
}

// ---------------------------------------------------------------------------------------------
// National BUIG macrobudget

/**
 * The macrobudget stages of a year: as stored (published, imported or synthetic), plus those that
 * follow from published changes (see macrobudgetStagesOf).
 */
export async function macrobudgetStages(year: number, ctx: Context): Promise<BuigStageAmountModel[]> {
  const [stored, next, figures] = await Promise.all([
    ctx.loaders.macrobudgets.load(year),
    ctx.loaders.macrobudgets.load(year + 1),
    ctx.loaders.figures.load(FIGURE_BUIG),
  ]);
  const asStored = (rows: typeof stored) =>
    rows.map((m) => ({
      stage: m.stage,
      cents: m.amountCents,
      qualifier: m.qualifier,
      sourceId: m.sourceId,
      publishedOn: m.publishedOn,
    }));
  const values = macrobudgetStagesOf(year, asStored(stored), asStored(next), {
    adjustmentOnProvisional: publishedFigure(figures, "macrobudget_adjustment_vs_provisional", String(year)),
    nextYearIncrease: publishedFigure(figures, "macrobudget_change_vs_previous_year", String(year + 1)),
  });
  return Promise.all(
    values.map(async (v) => ({
      stage: v.stage,
      cents: v.cents,
      qualifier: v.qualifier,
      publishedOn: v.publishedOn,
      source:
        "sourceId" in v.origin
          ? v.origin.sourceId
          : await computed(
              `BUIG macrobudget ${year}, ${v.stage.toLowerCase().replace("_", " ")}`,
              v.origin.inputs,
              ctx,
              v.origin.note,
            ),
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// One municipality

export function safetyNetRuleModel(row: {
  year: number;
  thresholdBp: number;
  bands: unknown;
  sourceId: string;
}): SafetyNetRuleModel {
  return {
    year: row.year,
    thresholdBp: row.thresholdBp,
    bands: row.bands as SafetyNetRule["bands"],
    source: row.sourceId,
  };
}

function stageAmount(budget: BuigBudgetModel): BuigStageAmountModel {
  return {
    stage: budget.stage as BuigStageName,
    cents: budget.amountCents,
    qualifier: "STATED",
    publishedOn: budget.publishedOn,
    source: budget.sourceId,
  };
}

export async function municipalBuig(code: string, year: number, ctx: Context): Promise<MunicipalBuigModel | null> {
  const key = codeYear(code, year);
  const rows = [...(await ctx.loaders.budgets.load(key))].sort(byStage);
  const latest = rows.at(-1);
  if (!latest) return null;
  const [spendingRow, ruleRow, national] = await Promise.all([
    ctx.loaders.spending.load(key),
    ctx.loaders.rule.load(year),
    macrobudgetStages(year, ctx),
  ]);
  const budget = stageAmount(latest);
  const macro = national.find((s) => s.stage === latest.stage) ?? null;

  const share = latest.share?.toString() ?? (macro ? shareOf(latest.amountCents, macro.cents) : null);
  const allocation =
    macro && share
      ? {
          cents: applyShare(macro.cents, share),
          qualifier: macro.qualifier,
          source: await computed(
            `BUIG allocation ${year} of ${code}`,
            [macro.source, latest.sourceId],
            ctx,
            `National macrobudget (${latest.stage.toLowerCase()}) × the municipality's share ${share}${latest.share ? "" : " (budget ÷ macrobudget)"}`,
          ),
        }
      : null;

  let spending: AmountModel | null = null;
  let result: BuigResultModel | null = null;
  let safetyNet: MunicipalBuigModel["safetyNet"] = null;
  if (spendingRow) {
    spending = { cents: spendingRow.amountCents, qualifier: "STATED", source: spendingRow.sourceId };
    const inputs = [latest.sourceId, spendingRow.sourceId];
    result = {
      ...buigResult(latest.amountCents, spendingRow.amountCents),
      qualifier: "STATED",
      source: await computed(`BUIG result ${year} of ${code}`, inputs, ctx, "Budget minus spending"),
    };
    if (ruleRow) {
      const rule = safetyNetRuleModel(ruleRow);
      safetyNet = {
        ...safetyNetPayment(latest.amountCents, spendingRow.amountCents, rule),
        rule,
        source: await computed(
          `Safety-net payment ${year} of ${code}`,
          [...inputs, ruleRow.sourceId],
          ctx,
          `The deficit under the ${year} safety-net rule`,
        ),
      };
    }
  }
  return {
    year,
    budget,
    stages: rows.map(stageAmount),
    shareOfMacrobudget: share,
    allocation,
    spending,
    result,
    safetyNet,
  };
}

// ---------------------------------------------------------------------------------------------
// Areas: a region, or every municipality

/** Sums the BUIG of the given municipalities for a year; null when none has a budget. */
export async function areaBuig(
  codes: readonly string[],
  year: number,
  what: string,
  ctx: Context,
): Promise<AreaBuigModel | null> {
  const all = await Promise.all(codes.map((code) => municipalBuig(code, year, ctx)));
  const rows = all.filter((r): r is MunicipalBuigModel => r !== null);
  if (rows.length === 0) return null;
  const withSpending = rows.filter((r) => r.spending && r.result);
  const budgetSources = rows.map((r) => r.budget.source);
  const note = `Sum over ${rows.length} municipalities of ${what}`;
  const budgetCents = sumCents(rows.map((r) => r.budget.cents));
  const budget: AmountModel = {
    cents: budgetCents,
    qualifier: "STATED",
    source: await computed(`BUIG budgets ${year}, ${what}`, budgetSources, ctx, note),
  };
  if (withSpending.length === 0) {
    return {
      year,
      municipalityCount: rows.length,
      budget,
      spending: null,
      municipalitiesWithSpending: 0,
      result: null,
      safetyNetPayments: null,
    };
  }
  const spendingSource = await computed(
    `BUIG spending ${year}, ${what}`,
    withSpending.map((r) => r.spending!.source),
    ctx,
    `Sum over the ${withSpending.length} municipalities of ${what} whose spending is known`,
  );
  const resultAmount = sumCents(withSpending.map((r) => r.result!.amount));
  const spentBudget = sumCents(withSpending.map((r) => r.budget.cents));
  const nets = withSpending.filter((r) => r.safetyNet);
  return {
    year,
    municipalityCount: rows.length,
    budget,
    spending: {
      cents: sumCents(withSpending.map((r) => r.spending!.cents)),
      qualifier: "STATED",
      source: spendingSource,
    },
    municipalitiesWithSpending: withSpending.length,
    result: {
      ...buigResult(spentBudget, spentBudget - resultAmount),
      qualifier: "STATED",
      source: await computed(
        `BUIG result ${year}, ${what}`,
        [...budgetSources, spendingSource],
        ctx,
        `Sum of budget − spending over the ${withSpending.length} municipalities whose spending is known`,
      ),
    },
    safetyNetPayments:
      nets.length === 0
        ? null
        : {
            cents: sumCents(nets.map((r) => r.safetyNet!.payment)),
            qualifier: "STATED",
            source: await computed(
              `Safety-net payments ${year}, ${what}`,
              nets.map((r) => r.safetyNet!.source),
              ctx,
              `Sum over ${nets.length} municipalities`,
            ),
          },
  };
}

export async function regionBuig(regionCode: string, year: number, ctx: Context) {
  const members = await ctx.loaders.members.load(regionCode);
  return areaBuig(
    members.map((m) => m.municipalityCode),
    year,
    `region ${regionCode}`,
    ctx,
  );
}

async function countryCodes(ctx: Context): Promise<string[]> {
  return (await ctx.loaders.members.load("*")).map((m) => m.municipalityCode);
}

// ---------------------------------------------------------------------------------------------
// The country

function publishedResult(figures: MunicipalFigureModel[], year: number): BuigResultModel | null {
  const period = String(year);
  const deficit = publishedFigure(figures, "national_deficit", period);
  const surplus = publishedFigure(figures, "national_surplus", period);
  const figure = deficit ?? surplus;
  if (!figure) return null;
  const cents = millionsToCents(figure.valueText) * (deficit ? -1n : 1n);
  const pct = publishedFigure(figures, deficit ? "national_deficit_pct" : "national_surplus_pct", period);
  return {
    amount: cents,
    percentOfBudget: pct ? (deficit ? `-${pct.valueText}` : pct.valueText) : null,
    kind: cents < 0n ? "DEFICIT" : cents > 0n ? "SURPLUS" : "BALANCED",
    qualifier: figure.qualifier,
    source: figure.sourceId,
  };
}

export async function buigNationalYear(year: number, ctx: Context): Promise<BuigNationalYearModel | null> {
  const [stages, figures, codes] = await Promise.all([
    macrobudgetStages(year, ctx),
    ctx.loaders.figures.load(FIGURE_BUIG),
    countryCodes(ctx),
  ]);
  const municipalTotal = await areaBuig(codes, year, "the Netherlands", ctx);
  const published = publishedResult(figures, year);
  const changeFigure = publishedFigure(figures, "macrobudget_change_vs_previous_year", String(year));
  if (stages.length === 0 && !published && !changeFigure && !municipalTotal) return null;

  const macrobudget = stages.at(-1) ?? null;
  const spending: AmountModel | null =
    macrobudget && published
      ? {
          cents: macrobudget.cents - published.amount,
          qualifier: combineQualifiers([macrobudget.qualifier, published.qualifier]),
          source: await computed(
            `BUIG national spending ${year}`,
            [macrobudget.source, published.source],
            ctx,
            "Macrobudget minus the published national result",
          ),
        }
      : null;
  const budgetDifference: AmountModel | null =
    macrobudget && municipalTotal
      ? {
          cents: municipalTotal.budget.cents - macrobudget.cents,
          qualifier: macrobudget.qualifier,
          source: await computed(
            `BUIG ${year}: municipal budgets − macrobudget`,
            [municipalTotal.budget.source, macrobudget.source],
            ctx,
            `Sum of municipal budgets minus the ${macrobudget.stage.toLowerCase()} macrobudget`,
          ),
        }
      : null;
  const resultDifference: AmountModel | null =
    published && municipalTotal?.result
      ? {
          cents: municipalTotal.result.amount - published.amount,
          qualifier: published.qualifier,
          source: await computed(
            `BUIG ${year}: municipal results − published national result`,
            [municipalTotal.result.source, published.source],
            ctx,
            "Sum of municipal results minus the national result as published",
          ),
        }
      : null;
  return {
    year,
    macrobudget,
    macrobudgetStages: stages,
    changeOnPreviousYear: changeFigure ? millionsAmount(changeFigure) : null,
    publishedResult: published,
    spending,
    municipalTotal,
    budgetDifference,
    resultDifference,
  };
}

/** Years with any BUIG figure: stored, derived from a later year, municipal, or published. */
export async function buigYears(ctx: Context): Promise<number[]> {
  const [stored, figures] = await Promise.all([
    ctx.loaders.buigYears.load("all"),
    ctx.loaders.figures.load(FIGURE_BUIG),
  ]);
  const published = figures
    .map((f) => f.period)
    .filter((p) => /^\d{4}$/.test(p))
    .map(Number);
  const derived = figures
    .filter((f) => f.metric === "macrobudget_change_vs_previous_year")
    .map((f) => Number(f.period) - 1);
  return [...new Set([...stored, ...published, ...derived])].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// Participation budget

type TargetGroup = "CLASSIC" | "NEW";
const PARTS: Record<TargetGroup, string> = { CLASSIC: "classic_target_group", NEW: "new_target_group" };

async function nationalParts(year: number, ctx: Context) {
  const figures = await ctx.loaders.figures.load(FIGURE_PARTICIPATION);
  const metric = "integratie_uitkering_participatie";
  const total = publishedFigure(figures, metric, String(year), "total");
  const classic = publishedFigure(figures, metric, String(year), PARTS.CLASSIC);
  const fresh = publishedFigure(figures, metric, String(year), PARTS.NEW);
  if (!total || !classic || !fresh) return null;
  return { total: millionsAmount(total), CLASSIC: millionsAmount(classic), NEW: millionsAmount(fresh) };
}

export async function municipalParticipation(
  code: string,
  year: number,
  ctx: Context,
): Promise<MunicipalParticipationBudgetModel | null> {
  const [shares, parts] = await Promise.all([ctx.loaders.shares.load(codeYear(code, year)), nationalParts(year, ctx)]);
  if (shares.length === 0 || !parts) return null;
  const allocation = async (group: TargetGroup): Promise<ParticipationAllocationModel | null> => {
    const row = shares.find((s) => s.targetGroup === group);
    if (!row) return null;
    const share = row.share.toString();
    return {
      share,
      nationalAmount: parts[group].cents,
      amount: applyShare(parts[group].cents, share),
      source: await computed(
        `Participation budget ${year} of ${code}, ${group.toLowerCase()} target group`,
        [parts[group].source, row.sourceId],
        ctx,
        `National part × share ${share}, rounded to the cent`,
      ),
    };
  };
  const [classic, fresh] = await Promise.all([allocation("CLASSIC"), allocation("NEW")]);
  const present = [classic, fresh].filter((a): a is ParticipationAllocationModel => a !== null);
  return {
    year,
    classicTargetGroup: classic,
    newTargetGroup: fresh,
    total: {
      cents: sumCents(present.map((a) => a.amount)),
      qualifier: "STATED",
      source: await computed(
        `Participation budget ${year} of ${code}`,
        present.map((a) => a.source),
        ctx,
        "Sum of the allocations",
      ),
    },
  };
}

export async function areaParticipation(
  codes: readonly string[],
  year: number,
  what: string,
  ctx: Context,
): Promise<AreaParticipationBudgetModel | null> {
  const all = await Promise.all(codes.map((code) => municipalParticipation(code, year, ctx)));
  const rows = all.filter((r): r is MunicipalParticipationBudgetModel => r !== null);
  if (rows.length === 0) return null;
  const sum = async (label: string, amounts: { cents: Cents; source: SourceRef }[]): Promise<AmountModel> => ({
    cents: sumCents(amounts.map((a) => a.cents)),
    qualifier: "STATED",
    source: await computed(
      `Participation budget ${year}, ${what}, ${label}`,
      amounts.map((a) => a.source),
      ctx,
      `Sum over ${amounts.length} municipalities`,
    ),
  });
  const part = (group: "classicTargetGroup" | "newTargetGroup") =>
    rows.flatMap((r) => (r[group] ? [{ cents: r[group]!.amount, source: r[group]!.source }] : []));
  return {
    year,
    municipalityCount: rows.length,
    classicTargetGroup: await sum("classic target group", part("classicTargetGroup")),
    newTargetGroup: await sum("new target group", part("newTargetGroup")),
    total: await sum(
      "total",
      rows.map((r) => ({ cents: r.total.cents, source: r.total.source })),
    ),
  };
}

export async function regionParticipation(regionCode: string, year: number, ctx: Context) {
  const members = await ctx.loaders.members.load(regionCode);
  return areaParticipation(
    members.map((m) => m.municipalityCode),
    year,
    `region ${regionCode}`,
    ctx,
  );
}

export async function nationalParticipation(
  year: number,
  ctx: Context,
): Promise<NationalParticipationBudgetModel | null> {
  const parts = await nationalParts(year, ctx);
  if (!parts) return null;
  const municipalTotal = await areaParticipation(await countryCodes(ctx), year, "the Netherlands", ctx);
  const partsSum = parts.CLASSIC.cents + parts.NEW.cents;
  return {
    year,
    total: parts.total,
    classicTargetGroup: parts.CLASSIC,
    newTargetGroup: parts.NEW,
    partsSum: {
      cents: partsSum,
      qualifier: "STATED",
      source: await computed(
        `Participation budget ${year}, sum of the parts`,
        [parts.CLASSIC.source, parts.NEW.source],
        ctx,
        "Classic + new target group as published",
      ),
    },
    partsDifference: partsSum - parts.total.cents,
    municipalTotal,
    allocationDifference: municipalTotal ? municipalTotal.total.cents - partsSum : null,
  };
}

export async function participationYears(ctx: Context): Promise<number[]> {
  const figures = await ctx.loaders.figures.load(FIGURE_PARTICIPATION);
  return [
    ...new Set(
      figures
        .filter((f) => f.metric === "integratie_uitkering_participatie" && /^\d{4}$/.test(f.period))
        .map((f) => Number(f.period)),
    ),
  ].sort((a, b) => a - b);
}
