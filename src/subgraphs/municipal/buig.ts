// BUIG (gebundelde uitkering) figures from their inputs: plain functions over stored rows and
// published figures, each computing one thing and naming its inputs in a lazy source. Resolvers,
// mutations and the data CLI call them with what they read through the loaders.
import { buigResult, safetyNetPayment, type SafetyNetRule } from "../../domain/buig.ts";
import { byStage, combineQualifiers, macrobudgetStagesOf, type StoredStage } from "../../domain/macrobudget.ts";
import { applyShare, millionsToCents, shareOf, sumCents } from "../../domain/money.ts";
import { figureFilterKey } from "../../common/official-figures/loaders.ts";
import { computedRef } from "../../common/source.ts";
import type {
  BuigBudgetModel,
  BuigMacrobudgetModel,
  BuigSpendingModel,
  MunicipalFigureModel,
  SafetyNetRuleModel as SafetyNetRuleRow,
} from "../../generated/prisma/models.ts";
import type { MunicipalLoaders } from "./loaders.ts";
import type {
  AmountModel,
  AreaBuigModel,
  BuigResultModel,
  BuigStageAmountModel,
  BuigStageName,
  SafetyNetModel,
  SafetyNetRuleModel,
} from "./models.ts";

export const FIGURE_BUIG = figureFilterKey({ topic: "buig" });

export function publishedFigure(figures: MunicipalFigureModel[], metric: string, period: string, dimension = "total") {
  return figures.find((f) => f.metric === metric && f.period === period && f.dimension === dimension) ?? null;
}

export function millionsAmount(figure: MunicipalFigureModel): AmountModel {
  return { cents: millionsToCents(figure.valueText), qualifier: figure.qualifier, source: figure.sourceId };
}

// ---------------------------------------------------------------------------------------------
// The national macrobudget

const asStored = (rows: readonly BuigMacrobudgetModel[]): StoredStage[] =>
  rows.map((m) => ({
    stage: m.stage,
    cents: m.amountCents,
    qualifier: m.qualifier,
    sourceId: m.sourceId,
    publishedOn: m.publishedOn,
  }));

/** A year's macrobudget stages: as stored, plus those that follow from published changes. */
export function macrobudgetStages(
  year: number,
  stored: readonly BuigMacrobudgetModel[],
  nextYear: readonly BuigMacrobudgetModel[],
  figures: MunicipalFigureModel[],
): BuigStageAmountModel[] {
  return macrobudgetStagesOf(year, asStored(stored), asStored(nextYear), {
    adjustmentOnProvisional: publishedFigure(figures, "macrobudget_adjustment_vs_provisional", String(year)),
    nextYearIncrease: publishedFigure(figures, "macrobudget_change_vs_previous_year", String(year + 1)),
  }).map((v) => ({
    stage: v.stage,
    cents: v.cents,
    qualifier: v.qualifier,
    publishedOn: v.publishedOn,
    source:
      "sourceId" in v.origin
        ? v.origin.sourceId
        : computedRef(
            `BUIG macrobudget ${year}, ${v.stage.toLowerCase().replace("_", " ")}`,
            v.origin.inputs,
            v.origin.note,
          ),
  }));
}

export async function loadMacrobudgetStages(year: number, loaders: MunicipalLoaders) {
  const [stored, next, figures] = await Promise.all([
    loaders.macrobudgets.load(year),
    loaders.macrobudgets.load(year + 1),
    loaders.figures.load(FIGURE_BUIG),
  ]);
  return macrobudgetStages(year, stored, next, figures);
}

// ---------------------------------------------------------------------------------------------
// One municipality

export function stageAmount(budget: BuigBudgetModel): BuigStageAmountModel {
  return {
    stage: budget.stage as BuigStageName,
    cents: budget.amountCents,
    qualifier: "STATED",
    publishedOn: budget.publishedOn,
    source: budget.sourceId,
  };
}

/** The budget rows of a year, oldest stage first; the last one is the budget. */
export const sortedBudgets = (rows: readonly BuigBudgetModel[]) => [...rows].sort(byStage);

/** The macrobudget of the budget's stage, when known. */
export const macroOfStage = (stages: BuigStageAmountModel[], budget: BuigBudgetModel) =>
  stages.find((s) => s.stage === budget.stage) ?? null;

/** The share of the macrobudget: as given by the distribution model when stored, else budget ÷ macrobudget. */
export function shareOfMacrobudget(budget: BuigBudgetModel, macro: BuigStageAmountModel | null): string | null {
  return budget.share?.toString() ?? (macro ? shareOf(budget.amountCents, macro.cents) : null);
}

export function allocation(
  code: string,
  budget: BuigBudgetModel,
  macro: BuigStageAmountModel | null,
): AmountModel | null {
  const share = shareOfMacrobudget(budget, macro);
  if (!macro || !share) return null;
  return {
    cents: applyShare(macro.cents, share),
    qualifier: macro.qualifier,
    source: computedRef(
      `BUIG allocation ${budget.year} of ${code}`,
      [macro.source, budget.sourceId],
      `National macrobudget (${budget.stage.toLowerCase()}) × the municipality's share ${share}${budget.share ? "" : " (budget ÷ macrobudget)"}`,
    ),
  };
}

export function spendingAmount(row: BuigSpendingModel): AmountModel {
  return { cents: row.amountCents, qualifier: "STATED", source: row.sourceId };
}

export function municipalResult(code: string, budget: BuigBudgetModel, spending: BuigSpendingModel): BuigResultModel {
  return {
    ...buigResult(budget.amountCents, spending.amountCents),
    qualifier: "STATED",
    source: computedRef(
      `BUIG result ${budget.year} of ${code}`,
      [budget.sourceId, spending.sourceId],
      "Budget minus spending",
    ),
  };
}

export function safetyNetRuleModel(row: SafetyNetRuleRow): SafetyNetRuleModel {
  return {
    year: row.year,
    thresholdBp: row.thresholdBp,
    bands: row.bands as SafetyNetRule["bands"],
    source: row.sourceId,
  };
}

export function municipalSafetyNet(
  code: string,
  budget: BuigBudgetModel,
  spending: BuigSpendingModel,
  ruleRow: SafetyNetRuleRow,
): SafetyNetModel {
  const rule = safetyNetRuleModel(ruleRow);
  return {
    ...safetyNetPayment(budget.amountCents, spending.amountCents, rule),
    rule,
    source: computedRef(
      `Safety-net payment ${budget.year} of ${code}`,
      [budget.sourceId, spending.sourceId, ruleRow.sourceId],
      `The deficit under the ${budget.year} safety-net rule`,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Areas: the sums over a region's or the country's municipalities of a year

const distinct = <T>(values: T[]) => [...new Set(values)];

/** The area's municipalities with a budget, each with its latest budget; null when none has one. */
export async function loadArea(codes: readonly string[], year: number, what: string, loaders: MunicipalLoaders) {
  const rows = await loaders.budgets.loadMany(codes.map((code) => `${code}|${year}` as const));
  const members = codes.flatMap((code, i) => {
    const budgets = rows[i];
    if (budgets instanceof Error) throw budgets;
    const budget = sortedBudgets(budgets ?? []).at(-1);
    return budget ? [{ code, budget }] : [];
  });
  return members.length === 0 ? null : ({ year, what, members } satisfies AreaBuigModel);
}

export function areaBudget(area: AreaBuigModel): AmountModel {
  return {
    cents: sumCents(area.members.map((m) => m.budget.amountCents)),
    qualifier: "STATED",
    source: computedRef(
      `BUIG budgets ${area.year}, ${area.what}`,
      distinct(area.members.map((m) => m.budget.sourceId)),
      `Sum over ${area.members.length} municipalities of ${area.what}`,
    ),
  };
}

export type Spent = { code: string; budget: BuigBudgetModel; spending: BuigSpendingModel };

/** The members whose spending is known, with it. */
export async function loadSpent(area: AreaBuigModel, loaders: MunicipalLoaders): Promise<Spent[]> {
  const rows = await loaders.spending.loadMany(area.members.map((m) => `${m.code}|${area.year}` as const));
  return area.members.flatMap((m, i) => {
    const spending = rows[i];
    if (spending instanceof Error) throw spending;
    return spending ? [{ ...m, spending }] : [];
  });
}

export function areaSpending(area: AreaBuigModel, spent: Spent[]): AmountModel | null {
  if (spent.length === 0) return null;
  return {
    cents: sumCents(spent.map((s) => s.spending.amountCents)),
    qualifier: "STATED",
    source: computedRef(
      `BUIG spending ${area.year}, ${area.what}`,
      distinct(spent.map((s) => s.spending.sourceId)),
      `Sum over the ${spent.length} municipalities of ${area.what} whose spending is known`,
    ),
  };
}

export function areaResult(area: AreaBuigModel, spent: Spent[]): BuigResultModel | null {
  if (spent.length === 0) return null;
  const budget = sumCents(spent.map((s) => s.budget.amountCents));
  const spending = sumCents(spent.map((s) => s.spending.amountCents));
  return {
    ...buigResult(budget, spending),
    qualifier: "STATED",
    source: computedRef(
      `BUIG result ${area.year}, ${area.what}`,
      distinct(spent.flatMap((s) => [s.budget.sourceId, s.spending.sourceId])),
      `Sum of budget − spending over the ${spent.length} municipalities of ${area.what} whose spending is known`,
    ),
  };
}

export function areaSafetyNetPayments(area: AreaBuigModel, spent: Spent[], ruleRow: SafetyNetRuleRow | null) {
  if (spent.length === 0 || !ruleRow) return null;
  const rule = safetyNetRuleModel(ruleRow);
  return {
    cents: sumCents(spent.map((s) => safetyNetPayment(s.budget.amountCents, s.spending.amountCents, rule).payment)),
    qualifier: "STATED",
    source: computedRef(
      `Safety-net payments ${area.year}, ${area.what}`,
      distinct([...spent.flatMap((s) => [s.budget.sourceId, s.spending.sourceId]), ruleRow.sourceId]),
      `Sum over ${spent.length} municipalities of the payment under the ${area.year} safety-net rule`,
    ),
  } satisfies AmountModel;
}

// ---------------------------------------------------------------------------------------------
// The country

export function publishedResult(figures: MunicipalFigureModel[], year: number): BuigResultModel | null {
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

/** National spending: the macrobudget minus the published national result. */
export function nationalSpending(year: number, macro: BuigStageAmountModel, published: BuigResultModel): AmountModel {
  return {
    cents: macro.cents - published.amount,
    qualifier: combineQualifiers([macro.qualifier, published.qualifier]),
    source: computedRef(
      `BUIG national spending ${year}`,
      [macro.source, published.source],
      "Macrobudget minus the published national result",
    ),
  };
}

/** Years with any BUIG figure: stored, derived from a later year, or published. */
export function buigYearsOf(stored: readonly number[], figures: MunicipalFigureModel[]): number[] {
  const published = figures
    .map((f) => f.period)
    .filter((p) => /^\d{4}$/.test(p))
    .map(Number);
  const derived = figures
    .filter((f) => f.metric === "macrobudget_change_vs_previous_year")
    .map((f) => Number(f.period) - 1);
  return [...new Set([...stored, ...published, ...derived])].sort((a, b) => a - b);
}

export async function loadBuigYears(loaders: MunicipalLoaders): Promise<number[]> {
  const [stored, figures] = await Promise.all([loaders.buigYears.load("all"), loaders.figures.load(FIGURE_BUIG)]);
  return buigYearsOf(stored, figures);
}
