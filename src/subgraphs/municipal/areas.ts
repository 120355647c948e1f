// Which municipalities a sum runs over: a region's members in a year's classification, or every
// municipality of the year; and the phrase every such sum's source note uses to say so.
import type { AreaHistory } from "../../domain/area-history.ts";
import { classificationOf } from "../../common/classification.ts";
import type { SourceModel } from "../../common/source.ts";
import type { MunicipalLoaders } from "./loaders.ts";

export interface Area {
  codes: string[];
  /** "region AM01 in the 2016 classification (CBS: …)" */
  what: string;
}

async function classificationSources(history: AreaHistory, loaders: MunicipalLoaders) {
  const ids = history.membership.classificationYears().map((year) => history.membership.classificationSource(year)!);
  const rows = await loaders.source.loadMany(ids);
  const sources = new Map<string, SourceModel>();
  rows.forEach((row, i) => {
    if (row && !(row instanceof Error)) sources.set(ids[i]!, row);
  });
  return (id: string) => {
    const source = sources.get(id);
    if (!source) throw new Error(`classification source ${id} is missing`);
    return source;
  };
}

/** A region's municipalities in the year's classification (the year must be a membership year). */
export async function regionArea(regionCode: string, year: number, loaders: MunicipalLoaders): Promise<Area> {
  const history = await loaders.areaHistory();
  const summary = classificationOf(history, year, await classificationSources(history, loaders));
  return { codes: history.membersOf(regionCode, year), what: `region ${regionCode} in ${summary.phrase}` };
}

/** Every municipality that existed on 1 January of the year. */
export async function countryArea(year: number, loaders: MunicipalLoaders): Promise<Area> {
  const codes = (await loaders.areaHistory()).codesIn(year);
  return { codes, what: `the Netherlands (the ${codes.length} municipalities of ${year})` };
}
