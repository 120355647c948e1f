import { normaliseCode, type AreaKind } from "../../domain/codes.ts";
import { nameSearchKey } from "../../domain/names.ts";
import type { SortDirection } from "../../domain/pagination.ts";
import { badUserInput } from "../../common/errors.ts";
import { connectionResolvers, pageOf } from "../../common/paging.ts";
import { Date as DateScalar } from "../../common/scalars.ts";
import { derivedSource } from "../../common/source.ts";
import type { MunicipalityModel } from "../../generated/prisma/models.ts";
import type { Context } from "./context.ts";
import type { MunicipalityOrder, Resolvers } from "./generated/resolvers-types.ts";
import { dateKey, type AreaKey } from "./loaders.ts";
import type { PopulationTotalModel } from "./models.ts";
import { CURRENT_YEAR } from "./repository.ts";

function codeArgument(kind: AreaKind, argumentName: string, raw: string): string {
  const result = normaliseCode(kind, raw);
  if ("problem" in result) throw badUserInput(argumentName, result.problem);
  return result.code;
}

/** A code from another subgraph's entity reference: malformed means no such entity, not an error. */
function codeOrNull(kind: AreaKind, raw: string): string | null {
  const result = normaliseCode(kind, raw);
  return "code" in result ? result.code : null;
}

function referenceDateArgument(raw: Date | string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  return typeof raw === "string" ? raw : dateKey(raw);
}

/** Latest population of each municipality, for sorting by population. */
async function latestPopulation(codes: string[], ctx: Context): Promise<Map<string, number | null>> {
  const all = await ctx.loaders.populations.loadMany(codes);
  return new Map(
    codes.map((code, i) => {
      const list = all[i];
      return [code, Array.isArray(list) && list.length > 0 ? list[list.length - 1]!.value : null];
    }),
  );
}

async function municipalityPage(
  members: MunicipalityModel[],
  args: { orderBy?: MunicipalityOrder | null; first?: number | null; after?: string | null },
  ctx: Context,
) {
  const field = args.orderBy?.field ?? "NAME";
  const direction: SortDirection = args.orderBy?.direction ?? "ASC";
  const population =
    field === "POPULATION"
      ? await latestPopulation(
          members.map((m) => m.code),
          ctx,
        )
      : null;
  return pageOf(
    members,
    {
      field,
      direction,
      key: (m) => m.code,
      value: (m) => (field === "NAME" ? m.name : field === "CODE" ? m.code : (population!.get(m.code) ?? null)),
    },
    args,
  );
}

async function populationTotal(area: AreaKey, raw: Date | string | null | undefined, ctx: Context) {
  const date = referenceDateArgument(raw) ?? (await ctx.loaders.latestPopulationDate.load("latest"));
  if (date === null) return null;
  const day = typeof date === "string" ? date : dateKey(date);
  const total = await ctx.loaders.populationTotal.load(`${area}|${day}`);
  if (total.count === 0) return null;
  return {
    area,
    value: total.value,
    municipalityCount: total.count,
    referenceDate: new globalThis.Date(`${day}T00:00:00Z`),
  };
}

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: {
    municipality: async (_, { code, name }, { loaders }) => {
      if ((code == null) === (name == null)) {
        throw badUserInput(code == null ? "code" : "name", "give exactly one of code and name");
      }
      if (code != null) return loaders.municipality.load(codeArgument("municipality", "code", code));
      const key = nameSearchKey(name!);
      if (key === "") throw badUserInput("name", "the name has no letters or digits");
      const found = await loaders.municipalityCodeByName.load(key);
      return found ? loaders.municipality.load(found) : null;
    },
    municipalities: async (_, { filter, orderBy, first, after }, ctx) => {
      const provinceCode = filter?.provinceCode
        ? codeArgument("province", "filter.provinceCode", filter.provinceCode)
        : null;
      const regionCode = filter?.labourMarketRegionCode
        ? codeArgument("labourMarketRegion", "filter.labourMarketRegionCode", filter.labourMarketRegionCode)
        : null;
      const includeDissolved = filter?.includeDissolved ?? false;
      const area: AreaKey = regionCode ? `region:${regionCode}` : provinceCode ? `province:${provinceCode}` : "country";
      let members = await ctx.loaders.members.load(`${area}|${includeDissolved}`);
      if (regionCode && provinceCode) members = members.filter((m) => m.provinceCode === provinceCode);
      return municipalityPage(members, { orderBy, first, after }, ctx);
    },
    province: (_, { code }, { loaders }) => loaders.province.load(codeArgument("province", "code", code)),
    provinces: (_, __, { loaders }) => loaders.allProvinces.load("all"),
    labourMarketRegion: (_, { code }, { loaders }) =>
      loaders.region.load(codeArgument("labourMarketRegion", "code", code)),
    labourMarketRegions: (_, __, { loaders }) => loaders.allRegions.load("all"),
  },

  Municipality: {
    __resolveReference: (reference, { loaders }) => {
      const code = codeOrNull("municipality", reference.code);
      return code ? loaders.municipality.load(code) : null;
    },
    exists: (m) => m.lastYear >= CURRENT_YEAR,
    formerNames: async (m, _, { loaders }) =>
      (await loaders.names.load(m.code)).filter((n) => n.name !== m.name).map((n) => n.name),
    province: async (m, _, { loaders }) => (await loaders.province.load(m.provinceCode))!,
    labourMarketRegion: (m, _, { loaders }) =>
      m.labourMarketRegionCode ? loaders.region.load(m.labourMarketRegionCode) : null,
    coropArea: (m) => ({ code: m.coropCode, name: m.coropName }),
    population: async (m, { referenceDate }, { loaders }) => {
      const history = await loaders.populations.load(m.code);
      const wanted = referenceDateArgument(referenceDate);
      if (wanted === null) return history.at(-1) ?? null;
      return history.find((p) => dateKey(p.referenceDate) === wanted) ?? null;
    },
    populationHistory: (m, _, { loaders }) => loaders.populations.load(m.code),
  },

  PopulationFigure: {
    source: async (p, _, { loaders }) => (await loaders.source.load(p.sourceId))!,
  },

  PopulationTotal: {
    source: (total: PopulationTotalModel) =>
      derivedSource(
        "Sum of the municipalities' population as published by CBS",
        dateKey(total.referenceDate),
        `Sum over ${total.municipalityCount} municipalities (${total.area}); each counted in the area of its last year in the CBS tables`,
        "CC BY 4.0 (CBS)",
      ),
  },

  LabourMarketRegion: {
    __resolveReference: (reference, { loaders }) => {
      const code = codeOrNull("labourMarketRegion", reference.code);
      return code ? loaders.region.load(code) : null;
    },
    municipalityCount: async (r, _, { loaders }) => (await loaders.members.load(`region:${r.code}|false`)).length,
    municipalities: async (r, args, ctx) =>
      municipalityPage(await ctx.loaders.members.load(`region:${r.code}|false`), args, ctx),
    provinces: async (r, _, { loaders }) => {
      const members = await loaders.members.load(`region:${r.code}|false`);
      const codes = [...new Set(members.map((m) => m.provinceCode))];
      const provinces = await loaders.province.loadMany(codes);
      return provinces
        .filter((p): p is NonNullable<typeof p> & { code: string; name: string } => !!p && !(p instanceof Error))
        .sort((a, b) => a.name.localeCompare(b.name, "nl"));
    },
    population: (r, { referenceDate }, ctx) => populationTotal(`region:${r.code}`, referenceDate, ctx),
  },

  Province: {
    labourMarketRegions: async (p, _, { loaders }) => {
      const members = await loaders.members.load(`province:${p.code}|false`);
      const codes = [
        ...new Set(members.flatMap((m) => (m.labourMarketRegionCode ? [m.labourMarketRegionCode] : []))),
      ].sort();
      const regions = await loaders.region.loadMany(codes);
      return regions.filter(
        (r): r is NonNullable<typeof r> & { code: string; name: string } => !!r && !(r instanceof Error),
      );
    },
    municipalities: async (p, args, ctx) =>
      municipalityPage(await ctx.loaders.members.load(`province:${p.code}|false`), args, ctx),
    population: (p, { referenceDate }, ctx) => populationTotal(`province:${p.code}`, referenceDate, ctx),
  },

  MunicipalityConnection: connectionResolvers,
};
