// Sheltered-work places (beschut werk): the regulation's targets and places realised, per
// municipality, per region and nationally, and the bonus as published. Plain functions over rows.
import { Dec } from "../../domain/decimal.ts";
import { againstTarget, percentOf } from "../../domain/job-agreement.ts";
import { millionsToCents } from "../../domain/money.ts";
import { figureFilterKey } from "../../common/official-figures/loaders.ts";
import { computedRef } from "../../common/source.ts";
import type { MunicipalFigureModel } from "../../generated/prisma/models.ts";
import type { MunicipalLoaders } from "./loaders.ts";
import type { AmountModel, PlaceCountModel, ShelteredWorkBonusModel, ShelteredWorkPlacesModel } from "./models.ts";

export const SHELTERED_WORK = figureFilterKey({ topic: "beschut_werk" });

export const shelteredFigure = (figures: MunicipalFigureModel[], metric: string, period: string) =>
  figures.find((f) => f.metric === metric && f.period === period && ["total", "all"].includes(f.dimension)) ?? null;

export const placeCount = (f: MunicipalFigureModel | null): PlaceCountModel | null =>
  f ? { value: Dec.of(f.valueText), qualifier: f.qualifier, source: f.sourceId } : null;

export function hoursPerPlace(figures: MunicipalFigureModel[]): Dec {
  return Dec.of(shelteredFigure(figures, "hours_per_place_per_week", "all")?.valueText ?? "31");
}

/** The places rows of the given municipalities in a year; null when none has any. */
export async function loadPlaces(
  codes: readonly string[],
  year: number,
  what: string,
  loaders: MunicipalLoaders,
): Promise<ShelteredWorkPlacesModel | null> {
  const rows = (await loaders.places.loadMany(codes.map((code) => `${code}|${year}` as const))).flatMap((row) => {
    if (row instanceof Error) throw row;
    return row ? [row] : [];
  });
  return rows.length === 0 ? null : { year, what, rows };
}

/** The sum of targets or of places realised; a single municipality's figure keeps its own source. */
export function placesSum(
  places: ShelteredWorkPlacesModel,
  field: "targetPlaces" | "realisedPlaces",
): PlaceCountModel | null {
  const present = places.rows.filter((r) => r[field] !== null);
  if (present.length === 0) return null;
  const value = present.reduce((s, r) => s.add(Dec.of(r[field]!.toString())), Dec.of(0));
  if (places.rows.length === 1) return { value, qualifier: "STATED", source: present[0]!.sourceId };
  return {
    value,
    qualifier: "STATED",
    source: computedRef(
      `Sheltered-work places ${places.year}, ${places.what}, ${field === "targetPlaces" ? "target" : "realised"}`,
      [...new Set(present.map((r) => r.sourceId))],
      `Sum over ${present.length} municipalities of ${places.what}`,
    ),
  };
}

export function placesAgainstTarget(places: ShelteredWorkPlacesModel) {
  const target = placesSum(places, "targetPlaces");
  const realised = placesSum(places, "realisedPlaces");
  return target && realised ? againstTarget(realised.value, target.value) : null;
}

export function shelteredWorkBonus(figures: MunicipalFigureModel[]): ShelteredWorkBonusModel[] {
  const bonus = figures.filter((f) => f.metric.startsWith("bonus_"));
  const periods = [...new Set(bonus.map((f) => f.period))].sort();
  return periods.map((period) => {
    const amount = (metric: string): AmountModel | null => {
      const f = bonus.find((x) => x.metric === metric && x.period === period);
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
  });
}
