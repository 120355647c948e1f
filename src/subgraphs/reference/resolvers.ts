// Resolvers of schema/reference.graphql, shaped like the SDL: each field reads the request's catalog
// (reference data in memory) and computes only what was asked.
import { LAST_YEAR, changeKind } from "../../domain/municipal-history.ts";
import { nameSearchKey } from "../../domain/names.ts";
import type { SortDirection } from "../../domain/pagination.ts";
import { rank, resolveName, type Match, type Searchable } from "../../domain/search.ts";
import { badUserInput } from "../../common/errors.ts";
import { classificationOf, membershipSource } from "../../common/classification.ts";
import { connectionResolvers, pageOf } from "../../common/paging.ts";
import { isoDay } from "../../common/reference-data.ts";
import { Date as DateScalar } from "../../common/scalars.ts";
import { derivedSource } from "../../common/source.ts";
import type { MunicipalityModel } from "../../generated/prisma/models.ts";
import { codeArgument, codeOrNull, firstArgument, referenceDateArgument, yearArgument } from "./arguments.ts";
import type { ReferenceCatalog } from "./catalog.ts";
import type { MunicipalityOrder, Resolvers } from "./generated/resolvers-types.ts";
import type { PopulationTotalModel } from "./models.ts";

const municipalityYear = (catalog: ReferenceCatalog, argumentName: string, year: number) =>
  yearArgument(argumentName, year, catalog.history.municipalityYears, "municipalities");
const membershipYear = (catalog: ReferenceCatalog, argumentName: string, year: number) =>
  yearArgument(argumentName, year, catalog.history.membershipYears, "labour-market region memberships");
/** The year a region field is about: the argument, or today. */
const regionYear = (catalog: ReferenceCatalog, year: number | null | undefined) =>
  year == null ? LAST_YEAR : membershipYear(catalog, "year", year);
/** A municipality's own last year (at most today): the default year of its region. */
const ownLastYear = (m: MunicipalityModel) => Math.min(m.lastYear, LAST_YEAR);

function municipalitiesOf(catalog: ReferenceCatalog, codes: readonly string[]): MunicipalityModel[] {
  return codes.flatMap((code) => catalog.municipality(code) ?? []);
}

function municipalityPage(
  catalog: ReferenceCatalog,
  members: MunicipalityModel[],
  args: { orderBy?: MunicipalityOrder | null; first?: number | null; after?: string | null },
  year: number | null,
) {
  const field = args.orderBy?.field ?? "NAME";
  const direction: SortDirection = args.orderBy?.direction ?? "ASC";
  const latestPopulation = (m: MunicipalityModel) => catalog.populationsOf(m.code).at(-1)?.value ?? null;
  return pageOf(
    members,
    {
      field,
      direction,
      key: (m) => m.code,
      value: (m) =>
        field === "NAME"
          ? year === null
            ? m.name
            : catalog.nameIn(m, year)
          : field === "CODE"
            ? m.code
            : latestPopulation(m),
    },
    args,
  );
}

/** Population summed over some municipalities on a date; null when none has a figure for it. */
function populationTotal(
  catalog: ReferenceCatalog,
  codes: readonly string[],
  date: string,
  over: string,
): PopulationTotalModel | null {
  let value = 0;
  let count = 0;
  for (const code of codes) {
    const figure = catalog.populationsOf(code).find((p) => isoDay(p.referenceDate) === date);
    if (figure) {
      value += figure.value;
      count += 1;
    }
  }
  if (count === 0) return null;
  return { value, municipalityCount: count, referenceDate: new globalThis.Date(`${date}T00:00:00Z`), over };
}

/** The reference date a population argument names: the date, 1 January of the year, or the latest. */
function populationDate(catalog: ReferenceCatalog, raw: Date | string | null | undefined, year?: number | null) {
  const date = referenceDateArgument(raw);
  if (date !== null && year != null) throw badUserInput("year", "give a referenceDate or a year, not both");
  if (year != null) return `${municipalityYear(catalog, "year", year)}-01-01`;
  return date ?? catalog.populationDates().at(-1) ?? null;
}

function searchMatches<T extends Searchable>(
  items: readonly T[],
  text: string,
  codeOf: (text: string) => string | null,
) {
  if (text.trim() === "") throw badUserInput("text", "type at least one letter or digit");
  if (text.length > 100) throw badUserInput("text", "at most 100 characters");
  return rank(items, text, codeOf);
}

/** "gm518", "0518", "518" → GM0518; anything else is not a code. */
function municipalityCodeOf(text: string): string | null {
  const m = /^\s*(?:gm)?\s*(\d{1,4})\s*$/i.exec(text);
  return m ? `GM${m[1]!.padStart(4, "0")}` : null;
}

function regionCodeOf(text: string): string | null {
  const m = /^\s*(?:am)?\s*(\d{1,2})\s*$/i.exec(text);
  return m ? `AM${m[1]!.padStart(2, "0")}` : null;
}

function candidatesError(argumentName: string, text: string, candidates: Match<Searchable & { label: string }>[]) {
  return badUserInput(
    argumentName,
    `"${text}" fits ${candidates.length} places: ${candidates.map((c) => c.item.label).join("; ")}. Give the code, or a name with its suffix`,
  );
}

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: {
    municipality: async (_, { code, name, year }, ctx) => {
      if ((code == null) === (name == null)) {
        throw badUserInput(code == null ? "code" : "name", "give exactly one of code and name");
      }
      const catalog = await ctx.catalog();
      if (code != null) return catalog.municipality(codeArgument("municipality", "code", code));
      if (nameSearchKey(name!) === "") throw badUserInput("name", "the name has no letters or digits");
      const within = year == null ? null : municipalityYear(catalog, "year", year);
      const items = catalog
        .searchableMunicipalities()
        .filter((s) => within === null || catalog.history.existsIn(s.code, within))
        .map((s) => ({
          ...s,
          label: `${s.code} ${s.municipality.name} (${catalog.province(s.municipality.provinceCode)?.name})`,
        }));
      const { found, candidates } = resolveName(rank(items, name!, () => null));
      if (candidates.length > 0) throw candidatesError("name", name!, candidates);
      return found?.municipality ?? null;
    },
    municipalities: async (_, { year, filter, orderBy, first, after }, ctx) => {
      const catalog = await ctx.catalog();
      const provinceCode = filter?.provinceCode
        ? codeArgument("province", "filter.provinceCode", filter.provinceCode)
        : null;
      const regionCode = filter?.labourMarketRegionCode
        ? codeArgument("labourMarketRegion", "filter.labourMarketRegionCode", filter.labourMarketRegionCode)
        : null;
      const within = year == null ? null : municipalityYear(catalog, "year", year);
      let members: MunicipalityModel[];
      if (within !== null) {
        members = municipalitiesOf(catalog, catalog.history.codesIn(within));
        if (regionCode) {
          const membership = membershipYear(catalog, "year", within);
          members = members.filter((m) => catalog.history.membershipOf(m.code, membership)?.regionCode === regionCode);
        }
      } else {
        const includeDissolved = filter?.includeDissolved ?? false;
        members = includeDissolved
          ? catalog.allMunicipalities()
          : municipalitiesOf(catalog, catalog.history.codesIn(LAST_YEAR));
        // without a year, each in its region of its own last year (today for those that exist)
        if (regionCode) {
          members = members.filter(
            (m) => catalog.history.membershipOf(m.code, ownLastYear(m))?.regionCode === regionCode,
          );
        }
      }
      if (provinceCode) members = members.filter((m) => m.provinceCode === provinceCode);
      return municipalityPage(catalog, members, { orderBy, first, after }, within);
    },
    municipalitySearch: async (_, { text, year, first }, ctx) => {
      const catalog = await ctx.catalog();
      const limit = firstArgument(first);
      const within = year == null ? null : municipalityYear(catalog, "year", year);
      const items = catalog
        .searchableMunicipalities()
        .filter((s) => within === null || catalog.history.existsIn(s.code, within));
      return searchMatches(items, text, municipalityCodeOf).slice(0, limit);
    },
    province: async (_, { code }, ctx) => (await ctx.catalog()).province(codeArgument("province", "code", code)),
    provinces: async (_, __, ctx) => (await ctx.catalog()).allProvinces(),
    labourMarketRegion: async (_, { code, name }, ctx) => {
      if ((code == null) === (name == null)) {
        throw badUserInput(code == null ? "code" : "name", "give exactly one of code and name");
      }
      const catalog = await ctx.catalog();
      if (code != null) return catalog.region(codeArgument("labourMarketRegion", "code", code));
      if (nameSearchKey(name!) === "") throw badUserInput("name", "the name has no letters or digits");
      const items = catalog.searchableRegions().map((s) => ({ ...s, label: `${s.code} ${s.region.name}` }));
      const { found, candidates } = resolveName(rank(items, name!, () => null));
      if (candidates.length > 0) throw candidatesError("name", name!, candidates);
      return found?.region ?? null;
    },
    labourMarketRegions: async (_, { year }, ctx) => {
      const catalog = await ctx.catalog();
      return catalog.history.regionCodesIn(regionYear(catalog, year)).flatMap((code) => catalog.region(code) ?? []);
    },
    labourMarketRegionSearch: async (_, { text, first }, ctx) => {
      const catalog = await ctx.catalog();
      return searchMatches(catalog.searchableRegions(), text, regionCodeOf).slice(0, firstArgument(first));
    },
    regionClassifications: async (_, __, ctx) => {
      const { from, to } = (await ctx.catalog()).history.membershipYears;
      return Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i }));
    },
    regionClassification: async (_, { year }, ctx) => ({ year: membershipYear(await ctx.catalog(), "year", year) }),
    referenceYears: () => ({}),
  },

  ReferenceYears: {
    municipalities: async (_, __, ctx) => {
      const { from, to } = (await ctx.catalog()).history.municipalityYears;
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    },
    regionMembership: async (_, __, ctx) => {
      const { from, to } = (await ctx.catalog()).history.membershipYears;
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    },
    publishedRegionClassifications: async (_, __, ctx) =>
      (await ctx.catalog()).history.membership.classificationYears(),
    populationDates: async (_, __, ctx) => (await ctx.catalog()).populationDates(),
  },

  Municipality: {
    __resolveReference: async (reference, ctx) => {
      const code = codeOrNull("municipality", reference.code);
      return code ? (await ctx.catalog()).municipality(code) : null;
    },
    name: async (m, { year }, ctx) => {
      if (year == null) return m.name;
      const catalog = await ctx.catalog();
      return catalog.nameIn(m, municipalityYear(catalog, "year", year));
    },
    formerNames: async (m, _, ctx) =>
      (await ctx.catalog())
        .namesOf(m.code)
        .filter((n) => n.name !== m.name)
        .map((n) => n.name),
    aliases: async (m, _, ctx) => (await ctx.catalog()).aliasesOf(m.code),
    createdOn: (m) => m.createdOn,
    dissolvedOn: (m) => m.dissolvedOn,
    exists: (m) => m.dissolvedOn === null,
    existedIn: async (m, { year }, ctx) => {
      const catalog = await ctx.catalog();
      return catalog.history.existsIn(m.code, municipalityYear(catalog, "year", year));
    },
    successors: async (m, _, ctx) => {
      const catalog = await ctx.catalog();
      return catalog.history
        .successorsOf(m.code)
        .map((c) => ({ change: catalog.change(c.dissolvedCode, c.successorCode), other: "successor" as const }));
    },
    predecessors: async (m, _, ctx) => {
      const catalog = await ctx.catalog();
      return catalog.history
        .predecessorsOf(m.code)
        .map((c) => ({ change: catalog.change(c.dissolvedCode, c.successorCode), other: "dissolved" as const }));
    },
    province: async (m, _, ctx) => (await ctx.catalog()).province(m.provinceCode)!,
    labourMarketRegion: async (m, { year }, ctx) => {
      const catalog = await ctx.catalog();
      const y = year == null ? ownLastYear(m) : membershipYear(catalog, "year", year);
      const membership = catalog.history.membershipOf(m.code, y);
      return membership ? catalog.region(membership.regionCode) : null;
    },
    regionMembership: async (m, { year }, ctx) => {
      const catalog = await ctx.catalog();
      return catalog.history.membershipOf(
        m.code,
        year == null ? ownLastYear(m) : membershipYear(catalog, "year", year),
      );
    },
    regionMemberships: async (m, _, ctx) => {
      const catalog = await ctx.catalog();
      const { from, to } = catalog.history.membershipYears;
      return Array.from({ length: to - from + 1 }, (_, i) => catalog.history.membershipOf(m.code, from + i)).filter(
        (x) => x !== null,
      );
    },
    coropArea: (m) => ({ code: m.coropCode, name: m.coropName }),
    population: async (m, { referenceDate }, ctx) => {
      const history = (await ctx.catalog()).populationsOf(m.code);
      const wanted = referenceDateArgument(referenceDate);
      if (wanted === null) return history.at(-1) ?? null;
      return history.find((p) => isoDay(p.referenceDate) === wanted) ?? null;
    },
    populationHistory: async (m, _, ctx) => (await ctx.catalog()).populationsOf(m.code),
  },

  MunicipalityChange: {
    municipality: async ({ change, other }, _, ctx) =>
      (await ctx.catalog()).municipality(other === "successor" ? change.successorCode : change.dissolvedCode),
    code: ({ change, other }) => (other === "successor" ? change.successorCode : change.dissolvedCode),
    name: ({ change, other }) => (other === "successor" ? change.successorName : change.dissolvedName),
    effectiveDate: ({ change }) => change.effectiveDate,
    kind: async ({ change }, _, ctx) => {
      const catalog = await ctx.catalog();
      const created = catalog.history.lifetime(change.successorCode)?.createdOn ?? null;
      return changeKind(
        {
          effectiveDate: isoDay(change.effectiveDate),
          dissolvedCode: change.dissolvedCode,
          successorCode: change.successorCode,
        },
        catalog.history.input.changes,
        created,
      );
    },
    note: ({ change }) => change.note,
    source: async ({ change }, _, ctx) => (await ctx.catalog()).source(change.sourceId),
  },

  MunicipalityAlias: {
    source: async (a, _, ctx) => (await ctx.catalog()).source(a.sourceId),
  },

  RegionMembership: {
    municipality: async (m, _, ctx) => (await ctx.catalog()).municipality(m.municipalityCode)!,
    region: async (m, _, ctx) => (await ctx.catalog()).region(m.regionCode)!,
    kind: async (m, _, ctx) =>
      (m.sourceId === null ? "DERIVED" : (await ctx.catalog()).source(m.sourceId).kind) as never,
    source: async (m, _, ctx) => {
      const catalog = await ctx.catalog();
      return membershipSource(catalog.history, m, (id) => catalog.source(id));
    },
  },

  RegionClassification: {
    kind: async ({ year }, _, ctx) => {
      const catalog = await ctx.catalog();
      return classificationOf(catalog.history, year, (id) => catalog.source(id)).kind as never;
    },
    source: async ({ year }, _, ctx) => {
      const catalog = await ctx.catalog();
      return classificationOf(catalog.history, year, (id) => catalog.source(id)).source;
    },
    regionCount: async ({ year }, _, ctx) => (await ctx.catalog()).history.regionCodesIn(year).length,
    municipalityCount: async ({ year }, _, ctx) => (await ctx.catalog()).history.codesIn(year).length,
    uncertain: async ({ year }, _, ctx) => {
      const catalog = await ctx.catalog();
      return classificationOf(catalog.history, year, (id) => catalog.source(id)).uncertain;
    },
  },

  MunicipalityMatch: {
    municipality: (match) => match.item.municipality,
  },

  LabourMarketRegionMatch: {
    region: (match) => match.item.region,
  },

  RegionName: {
    source: async (n, _, ctx) => (await ctx.catalog()).source(n.sourceId),
  },

  PopulationFigure: {
    source: async (p, _, ctx) => (await ctx.catalog()).source(p.sourceId),
  },

  PopulationTotal: {
    source: (total) =>
      derivedSource(
        "Sum of the municipalities' population as published by CBS",
        isoDay(total.referenceDate),
        `Sum over ${total.municipalityCount} municipalities: ${total.over}`,
        ["CBS: population per municipality"],
        "CC BY 4.0 (CBS)",
      ),
  },

  LabourMarketRegion: {
    __resolveReference: async (reference, ctx) => {
      const code = codeOrNull("labourMarketRegion", reference.code);
      return code ? (await ctx.catalog()).region(code) : null;
    },
    name: async (r, { year }, ctx) => {
      if (year == null) return r.name;
      const catalog = await ctx.catalog();
      return catalog.regionNameIn(r, membershipYear(catalog, "year", year));
    },
    names: async (r, _, ctx) => (await ctx.catalog()).regionNamesOf(r.code),
    years: async (r, _, ctx) => {
      const catalog = await ctx.catalog();
      const { from, to } = catalog.history.membershipYears;
      return Array.from({ length: to - from + 1 }, (_, i) => from + i).filter(
        (year) => catalog.history.membersOf(r.code, year).length > 0,
      );
    },
    municipalityCount: async (r, { year }, ctx) => {
      const catalog = await ctx.catalog();
      return catalog.history.membersOf(r.code, regionYear(catalog, year)).length;
    },
    municipalities: async (r, { year, ...args }, ctx) => {
      const catalog = await ctx.catalog();
      const y = regionYear(catalog, year);
      return municipalityPage(catalog, municipalitiesOf(catalog, catalog.history.membersOf(r.code, y)), args, y);
    },
    memberships: async (r, { year }, ctx) => {
      const catalog = await ctx.catalog();
      const y = regionYear(catalog, year);
      return catalog.history.membersOf(r.code, y).map((code) => catalog.history.membershipOf(code, y)!);
    },
    provinces: async (r, { year }, ctx) => {
      const catalog = await ctx.catalog();
      const members = municipalitiesOf(catalog, catalog.history.membersOf(r.code, regionYear(catalog, year)));
      return [...new Set(members.map((m) => m.provinceCode))]
        .flatMap((code) => catalog.province(code) ?? [])
        .sort((a, b) => a.name.localeCompare(b.name, "nl"));
    },
    population: async (r, { referenceDate, year }, ctx) => {
      const catalog = await ctx.catalog();
      const date = populationDate(catalog, referenceDate, year);
      if (date === null) return null;
      const y = Number(date.slice(0, 4));
      const range = catalog.history.membershipYears;
      if (y < range.from || y > range.to) return null;
      const classification = classificationOf(catalog.history, y, (id) => catalog.source(id));
      return populationTotal(
        catalog,
        catalog.history.membersOf(r.code, y),
        date,
        `region ${r.code} in ${classification.phrase}`,
      );
    },
  },

  Province: {
    labourMarketRegions: async (p, _, ctx) => {
      const catalog = await ctx.catalog();
      const codes = catalog.history
        .codesIn(LAST_YEAR)
        .filter((code) => catalog.municipality(code)?.provinceCode === p.code)
        .map((code) => catalog.history.membershipOf(code, LAST_YEAR)?.regionCode);
      return [...new Set(codes)]
        .filter((c): c is string => !!c)
        .sort()
        .flatMap((code) => catalog.region(code) ?? []);
    },
    municipalities: async (p, { year, ...args }, ctx) => {
      const catalog = await ctx.catalog();
      const y = year == null ? LAST_YEAR : municipalityYear(catalog, "year", year);
      const members = municipalitiesOf(catalog, catalog.history.codesIn(y)).filter((m) => m.provinceCode === p.code);
      return municipalityPage(catalog, members, args, year == null ? null : y);
    },
    population: async (p, { referenceDate }, ctx) => {
      const catalog = await ctx.catalog();
      const date = populationDate(catalog, referenceDate);
      if (date === null) return null;
      const codes = catalog.history
        .codesIn(Number(date.slice(0, 4)))
        .filter((code) => catalog.municipality(code)?.provinceCode === p.code);
      return populationTotal(
        catalog,
        codes,
        date,
        `province ${p.code}, the municipalities of ${date} in the province of their last year`,
      );
    },
  },

  MunicipalityConnection: connectionResolvers,
};
