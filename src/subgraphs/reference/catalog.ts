// The reference data in memory: a few thousand rows (municipalities, names, changes, memberships,
// populations), read with one query per table and then looked up without SQL. Every resolver of this
// subgraph reads through it, so any query costs the same constant number of statements.
import type { AreaHistory } from "../../domain/area-history.ts";
import { LAST_YEAR } from "../../domain/municipal-history.ts";
import { areaHistoryOf } from "../../common/area-history-rows.ts";
import { baseName, type Searchable } from "../../domain/search.ts";
import { isoDay } from "../../common/reference-data.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type {
  LabourMarketRegionModel,
  LabourMarketRegionNameModel,
  MunicipalityAliasModel,
  MunicipalityChangeModel,
  MunicipalityModel,
  MunicipalityNameModel,
  PopulationModel,
  ProvinceModel,
  ReferenceSourceModel,
} from "../../generated/prisma/models.ts";

export interface ReferenceRows {
  municipalities: MunicipalityModel[];
  names: MunicipalityNameModel[];
  aliases: MunicipalityAliasModel[];
  changes: MunicipalityChangeModel[];
  memberships: { year: number; municipalityCode: string; regionCode: string; sourceId: string }[];
  classifications: { year: number; sourceId: string }[];
  regions: LabourMarketRegionModel[];
  regionNames: LabourMarketRegionNameModel[];
  provinces: ProvinceModel[];
  populations: PopulationModel[];
  sources: ReferenceSourceModel[];
}

/** Reads every reference table: one statement each, all at once. */
export async function readReferenceRows(prisma: PrismaClient): Promise<ReferenceRows> {
  const [
    municipalities,
    names,
    aliases,
    changes,
    memberships,
    classifications,
    regions,
    regionNames,
    provinces,
    populations,
    sources,
  ] = await Promise.all([
    prisma.municipality.findMany(),
    prisma.municipalityName.findMany({ orderBy: [{ lastYear: "asc" }, { name: "asc" }] }),
    prisma.municipalityAlias.findMany(),
    prisma.municipalityChange.findMany({ orderBy: [{ effectiveDate: "asc" }, { dissolvedCode: "asc" }] }),
    prisma.regionMembership.findMany(),
    prisma.regionClassification.findMany(),
    prisma.labourMarketRegion.findMany({ orderBy: { code: "asc" } }),
    prisma.labourMarketRegionName.findMany({ orderBy: [{ year: "asc" }] }),
    prisma.province.findMany({ orderBy: { name: "asc" } }),
    prisma.population.findMany({ orderBy: { referenceDate: "asc" } }),
    prisma.referenceSource.findMany(),
  ]);
  return {
    municipalities,
    names,
    aliases,
    changes,
    memberships,
    classifications,
    regions,
    regionNames,
    provinces,
    populations,
    sources,
  };
}

const group = <T, K>(rows: readonly T[], key: (row: T) => K) => {
  const map = new Map<K, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
};

export interface SearchableMunicipality extends Searchable {
  municipality: MunicipalityModel;
}

export interface SearchableRegion extends Searchable {
  region: LabourMarketRegionModel;
}

export class ReferenceCatalog {
  readonly history: AreaHistory;
  private readonly municipalities: Map<string, MunicipalityModel>;
  private readonly namesByCode: Map<string, MunicipalityNameModel[]>;
  private readonly aliasesByCode: Map<string, MunicipalityAliasModel[]>;
  private readonly regions: Map<string, LabourMarketRegionModel>;
  private readonly regionNamesByCode: Map<string, LabourMarketRegionNameModel[]>;
  private readonly provinces: Map<string, ProvinceModel>;
  private readonly populationsByCode: Map<string, PopulationModel[]>;
  private readonly sources: Map<string, ReferenceSourceModel>;
  private searchables: SearchableMunicipality[] | null = null;
  private regionSearchables: SearchableRegion[] | null = null;

  constructor(readonly rows: ReferenceRows) {
    this.municipalities = new Map(rows.municipalities.map((m) => [m.code, m]));
    this.namesByCode = group(rows.names, (n) => n.municipalityCode);
    this.aliasesByCode = group(rows.aliases, (a) => a.municipalityCode);
    this.regions = new Map(rows.regions.map((r) => [r.code, r]));
    this.regionNamesByCode = group(rows.regionNames, (n) => n.regionCode);
    this.provinces = new Map(rows.provinces.map((p) => [p.code, p]));
    this.populationsByCode = group(rows.populations, (p) => p.municipalityCode);
    this.sources = new Map(rows.sources.map((s) => [s.id, s]));
    this.history = areaHistoryOf(rows);
  }

  municipality(code: string): MunicipalityModel | null {
    return this.municipalities.get(code) ?? null;
  }

  allMunicipalities(): MunicipalityModel[] {
    return [...this.municipalities.values()];
  }

  /** Every name of a code, oldest first. */
  namesOf(code: string): MunicipalityNameModel[] {
    return this.namesByCode.get(code) ?? [];
  }

  /** The name in the CBS table of a year: the first name whose last year is that year or later. */
  nameIn(m: MunicipalityModel, year: number): string {
    return this.namesOf(m.code).find((n) => n.lastYear >= year)?.name ?? m.name;
  }

  aliasesOf(code: string): MunicipalityAliasModel[] {
    return this.aliasesByCode.get(code) ?? [];
  }

  change(dissolvedCode: string, successorCode: string): MunicipalityChangeModel {
    return this.rows.changes.find((c) => c.dissolvedCode === dissolvedCode && c.successorCode === successorCode)!;
  }

  region(code: string): LabourMarketRegionModel | null {
    return this.regions.get(code) ?? null;
  }

  allRegions(): LabourMarketRegionModel[] {
    return [...this.regions.values()];
  }

  regionNamesOf(code: string): LabourMarketRegionNameModel[] {
    return this.regionNamesByCode.get(code) ?? [];
  }

  /** A region's name in a year's classification: that year's, else the latest earlier, else the latest. */
  regionNameIn(region: LabourMarketRegionModel, year: number): string {
    return (
      this.regionNamesOf(region.code)
        .filter((n) => n.year <= year)
        .at(-1)?.name ?? region.name
    );
  }

  province(code: string): ProvinceModel | null {
    return this.provinces.get(code) ?? null;
  }

  allProvinces(): ProvinceModel[] {
    return [...this.provinces.values()];
  }

  /** Population figures of a municipality, oldest first. */
  populationsOf(code: string): PopulationModel[] {
    return this.populationsByCode.get(code) ?? [];
  }

  /** The dates with population figures, oldest first (ISO). */
  populationDates(): string[] {
    return [...new Set(this.rows.populations.map((p) => isoDay(p.referenceDate)))].sort();
  }

  source(id: string): ReferenceSourceModel {
    const source = this.sources.get(id);
    if (!source) throw new Error(`reference source ${id} is missing`);
    return source;
  }

  /** Municipalities as search candidates: names, former names and aliases; today's ones preferred. */
  searchableMunicipalities(): SearchableMunicipality[] {
    this.searchables ??= this.allMunicipalities().map((municipality) => ({
      code: municipality.code,
      municipality,
      preferred: municipality.lastYear >= LAST_YEAR,
      forms: [
        { text: municipality.name, reason: "NAME" as const },
        ...this.namesOf(municipality.code)
          .filter((n) => n.name !== municipality.name && baseName(n.name) !== baseName(municipality.name))
          .map((n) => ({ text: n.name, reason: "FORMER_NAME" as const })),
        ...this.aliasesOf(municipality.code).map((a) => ({ text: a.alias, reason: "ALIAS" as const })),
      ],
    }));
    return this.searchables;
  }

  /** Regions as search candidates: the latest name, and the names of earlier classifications. */
  searchableRegions(): SearchableRegion[] {
    this.regionSearchables ??= this.allRegions().map((region) => ({
      code: region.code,
      region,
      preferred: this.history.regionCodesIn(LAST_YEAR).includes(region.code),
      forms: [
        { text: region.name, reason: "NAME" as const },
        ...[...new Set(this.regionNamesOf(region.code).map((n) => n.name))]
          .filter((name) => name !== region.name)
          .map((text) => ({ text, reason: "FORMER_NAME" as const })),
      ],
    }));
    return this.regionSearchables;
  }
}

/** The catalog of one database, read once per request (see context.ts). */
export async function loadReferenceCatalog(prisma: PrismaClient): Promise<ReferenceCatalog> {
  return new ReferenceCatalog(await readReferenceRows(prisma));
}
