// Sheltered-work places (beschut werk): the regulation's targets and places realised, per
// municipality, per region and nationally, and the bonus as published.
import { Dec } from "../../domain/decimal.ts";
import { againstTarget, percentOf } from "../../domain/job-agreement.ts";
import { millionsToCents } from "../../domain/money.ts";
import { figureFilterKey } from "../../common/official-figures/loaders.ts";
import { computedFrom } from "../../common/source-refs.ts";
import type { MunicipalFigureModel, ShelteredWorkPlacesModel as PlacesRow } from "../../generated/prisma/models.ts";
import type { Context } from "./context.ts";
import { codeYear } from "./loaders.ts";
import type {
  AmountModel,
  NationalShelteredWorkModel,
  PlaceCountModel,
  ShelteredWorkBonusModel,
  ShelteredWorkPlacesModel,
} from "./models.ts";

const SHELTERED_WORK = figureFilterKey({ topic: "beschut_werk" });

const find = (figures: MunicipalFigureModel[], metric: string, period: string) =>
  figures.find((f) => f.metric === metric && f.period === period && ["total", "all"].includes(f.dimension)) ?? null;

const places = (f: MunicipalFigureModel | null): PlaceCountModel | null =>
  f ? { value: Dec.of(f.valueText), qualifier: f.qualifier, source: f.sourceId } : null;

async function hoursPerPlace(ctx: Context): Promise<Dec> {
  const figure = find(await ctx.loaders.figures.load(SHELTERED_WORK), "hours_per_place_per_week", "all");
  return Dec.of(figure?.valueText ?? "31");
}

/** Sums the places rows of municipalities; null when there are none. */
async function summarise(
  rows: PlacesRow[],
  year: number,
  what: string,
  ctx: Context,
): Promise<ShelteredWorkPlacesModel | null> {
  if (rows.length === 0) return null;
  const sum = async (field: "targetPlaces" | "realisedPlaces", label: string): Promise<PlaceCountModel | null> => {
    const present = rows.filter((r) => r[field] !== null);
    if (present.length === 0) return null;
    const value = present.reduce((s, r) => s.add(Dec.of(r[field]!.toString())), Dec.of(0));
    if (rows.length === 1) return { value, qualifier: "STATED", source: present[0]!.sourceId };
    return {
      value,
      qualifier: "STATED",
      source: await computedFrom(
        `Sheltered-work places ${year}, ${what}, ${label}`,
        [...new Set(present.map((r) => r.sourceId))],
        ctx.loaders.source,
        `Sum over ${present.length} municipalities`,
      ),
    };
  };
  const target = await sum("targetPlaces", "target");
  const realised = await sum("realisedPlaces", "realised");
  const outcome = target && realised ? againstTarget(realised.value, target.value) : null;
  return {
    year,
    municipalityCount: rows.length,
    target,
    realised,
    shortfall: outcome?.shortfall ?? null,
    progressPercent: outcome?.progressPercent ?? null,
    hoursPerWeek: realised ? realised.value.mul(await hoursPerPlace(ctx)) : null,
  };
}

async function rowsOf(codes: readonly string[], year: number, ctx: Context): Promise<PlacesRow[]> {
  const rows = await ctx.loaders.places.loadMany(codes.map((code) => codeYear(code, year)));
  return rows.filter((r): r is PlacesRow => r !== null && !(r instanceof Error));
}

export async function municipalPlaces(code: string, year: number, ctx: Context) {
  return summarise(await rowsOf([code], year, ctx), year, code, ctx);
}

export async function regionPlaces(regionCode: string, year: number, ctx: Context) {
  const members = await ctx.loaders.members.load(regionCode);
  return summarise(
    await rowsOf(
      members.map((m) => m.municipalityCode),
      year,
      ctx,
    ),
    year,
    `region ${regionCode}`,
    ctx,
  );
}

export async function nationalPlaces(year: number, ctx: Context): Promise<NationalShelteredWorkModel | null> {
  const figures = await ctx.loaders.figures.load(SHELTERED_WORK);
  const members = await ctx.loaders.members.load("*");
  const municipalTotal = await summarise(
    await rowsOf(
      members.map((m) => m.municipalityCode),
      year,
      ctx,
    ),
    year,
    "the Netherlands",
    ctx,
  );
  const publishedTarget = places(find(figures, "places_target", String(year)));
  const publishedRealised = places(find(figures, "places_realised", String(year)));
  if (!municipalTotal && !publishedTarget && !publishedRealised) return null;
  const structural = figures.find((f) => f.metric === "places_target_structural") ?? null;
  return {
    year,
    hoursPerPlace: await hoursPerPlace(ctx),
    publishedTarget,
    publishedRealised,
    structuralTarget: places(structural),
    municipalTotal,
    targetDifference:
      publishedTarget && municipalTotal?.target ? municipalTotal.target.value.sub(publishedTarget.value) : null,
    realisedDifference:
      publishedRealised && municipalTotal?.realised ? municipalTotal.realised.value.sub(publishedRealised.value) : null,
  };
}

export async function shelteredWorkBonus(ctx: Context): Promise<ShelteredWorkBonusModel[]> {
  const figures = (await ctx.loaders.figures.load(SHELTERED_WORK)).filter((f) => f.metric.startsWith("bonus_"));
  const periods = [...new Set(figures.map((f) => f.period))].sort();
  return Promise.all(
    periods.map(async (period) => {
      const amount = (metric: string): AmountModel | null => {
        const f = figures.find((x) => x.metric === metric && x.period === period);
        return f ? { cents: millionsToCents(f.valueText), qualifier: f.qualifier, source: f.sourceId } : null;
      };
      const available = amount("bonus_available");
      const paid = amount("bonus_paid");
      return {
        period,
        available,
        paid,
        retained: amount("bonus_retained_for_new_target_group"),
        paidPercent: available && paid ? percentOf(Dec.of(paid.cents), Dec.of(available.cents), 1) : null,
      };
    }),
  );
}
