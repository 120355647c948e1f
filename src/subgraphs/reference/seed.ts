import { readCsv } from "../../shared/csv.ts";
import { datasetFile } from "../../shared/datasets.ts";
import { addCounts, syncRows, type SyncCounts } from "../../shared/sync.ts";
import { nameSearchKey } from "../../domain/names.ts";
import type { Database } from "../../db/database.ts";
import type {
  LabourMarketRegionModel,
  MunicipalityModel,
  MunicipalityNameModel,
  PopulationModel,
  ProvinceModel,
  ReferenceSourceModel,
} from "../../generated/prisma/models.ts";

export const SOURCES = {
  areas: {
    id: "cbs-86247ned",
    publisher: "CBS",
    document: "Gebieden in Nederland 2010–2026 (StatLine 86247NED and earlier editions)",
    url: "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/86247NED",
    date: "2026",
    kind: "OFFICIAL",
    license: "CC BY 4.0",
    note: "Municipalities with province, labour-market region and COROP area in their last year in the tables",
  },
  population2024: {
    id: "cbs-70072ned-2024",
    publisher: "CBS",
    document: "Regionale kerncijfers Nederland (StatLine 70072NED), bevolking op 1 januari 2024",
    url: "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/70072NED",
    date: "2024-01-01",
    kind: "OFFICIAL",
    license: "CC BY 4.0",
    note: null,
  },
  population2021: {
    id: "cbs-85039ned-2021",
    publisher: "CBS",
    document: "Kerncijfers wijken en buurten 2021 (StatLine 85039NED), inwoners op 1 januari 2021",
    url: "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85039NED",
    date: "2021-01-01",
    kind: "OFFICIAL",
    license: "CC BY 4.0",
    note: "Municipality boundaries of 2021 (352 municipalities)",
  },
} satisfies Record<string, ReferenceSourceModel>;

export interface ReferenceData {
  sources: ReferenceSourceModel[];
  provinces: ProvinceModel[];
  regions: LabourMarketRegionModel[];
  municipalities: MunicipalityModel[];
  names: MunicipalityNameModel[];
  populations: PopulationModel[];
}

/** Reads the reference datasets into table rows, checking that they agree with each other. */
export function readReferenceData(): ReferenceData {
  const history = readCsv(datasetFile("municipalities-history-2010-2026.csv"));
  const current = readCsv(datasetFile("municipalities-2025.csv"));
  const regionRows = readCsv(datasetFile("labour-market-regions-2025.csv"));

  const provinces = new Map<string, ProvinceModel>();
  const latest = new Map<string, Record<string, string>>();
  for (const row of history) {
    const code = row.code!;
    provinces.set(row.province_code!, { code: row.province_code!, name: row.province! });
    const seen = latest.get(code);
    if (!seen || Number(row.last_year_in_cbs_table) > Number(seen.last_year_in_cbs_table)) latest.set(code, row);
  }
  const municipalities: MunicipalityModel[] = [...latest.values()].map((row) => ({
    code: row.code!,
    name: row.name!,
    provinceCode: row.province_code!,
    labourMarketRegionCode: row.labour_market_region_code || null,
    coropCode: row.corop_code!,
    coropName: row.corop_name!,
    lastYear: Number(row.last_year_in_cbs_table),
  }));
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  for (const row of current) {
    const m = byCode.get(row.code!);
    if (!m || m.lastYear !== 2026 || m.labourMarketRegionCode !== row.labour_market_region_code || m.name !== row.name) {
      throw new Error(`datasets disagree on municipality ${row.code}: municipalities-2025.csv vs history`);
    }
  }

  const names: MunicipalityNameModel[] = history.map((row) => ({
    searchKey: nameSearchKey(row.name!),
    name: row.name!,
    lastYear: Number(row.last_year_in_cbs_table),
    municipalityCode: row.code!,
  }));
  if (new Set(names.map((n) => n.searchKey)).size !== names.length) {
    throw new Error("two municipality names share a search key; name lookup would be ambiguous");
  }

  const populations: PopulationModel[] = [
    ...populationRows("population-2024.csv", SOURCES.population2024.id),
    ...populationRows("population-2021.csv", SOURCES.population2021.id),
  ];
  for (const p of populations) {
    if (!byCode.has(p.municipalityCode)) throw new Error(`population for unknown municipality ${p.municipalityCode}`);
  }

  return {
    sources: Object.values(SOURCES),
    provinces: [...provinces.values()],
    regions: regionRows.map((row) => ({ code: row.code!, name: row.name! })),
    municipalities,
    names,
    populations,
  };
}

function populationRows(file: string, sourceId: string): PopulationModel[] {
  return readCsv(datasetFile(file)).map((row) => ({
    municipalityCode: row.code!,
    referenceDate: new Date(`${row.reference_date}T00:00:00Z`),
    value: Number(row.population),
    sourceId,
  }));
}

/** Loads the reference data in one transaction; a second run changes nothing. */
export async function seedReference(db: Database, data = readReferenceData()): Promise<SyncCounts> {
  return db.prisma.$transaction(
    async (tx) => {
      const sources = await syncRows({
        existing: await tx.referenceSource.findMany(),
        desired: data.sources,
        key: (s) => s.id,
        insert: (data) => tx.referenceSource.createMany({ data }),
        update: ({ id, ...data }) => tx.referenceSource.update({ where: { id }, data }),
      });
      const provinces = await syncRows({
        existing: await tx.province.findMany(),
        desired: data.provinces,
        key: (p) => p.code,
        insert: (data) => tx.province.createMany({ data }),
        update: ({ code, ...data }) => tx.province.update({ where: { code }, data }),
      });
      const regions = await syncRows({
        existing: await tx.labourMarketRegion.findMany(),
        desired: data.regions,
        key: (r) => r.code,
        insert: (data) => tx.labourMarketRegion.createMany({ data }),
        update: ({ code, ...data }) => tx.labourMarketRegion.update({ where: { code }, data }),
      });
      const municipalities = await syncRows({
        existing: await tx.municipality.findMany(),
        desired: data.municipalities,
        key: (m) => m.code,
        insert: (data) => tx.municipality.createMany({ data }),
        update: ({ code, ...data }) => tx.municipality.update({ where: { code }, data }),
      });
      const names = await syncRows({
        existing: await tx.municipalityName.findMany(),
        desired: data.names,
        key: (n) => n.searchKey,
        insert: (data) => tx.municipalityName.createMany({ data }),
        update: ({ searchKey, ...data }) => tx.municipalityName.update({ where: { searchKey }, data }),
      });
      const populations = await syncRows({
        existing: await tx.population.findMany(),
        desired: data.populations,
        key: (p) => `${p.municipalityCode}|${p.referenceDate.toISOString()}`,
        insert: (data) => tx.population.createMany({ data }),
        update: ({ municipalityCode, referenceDate, ...data }) =>
          tx.population.update({ where: { municipalityCode_referenceDate: { municipalityCode, referenceDate } }, data }),
      });
      return addCounts(sources, provinces, regions, municipalities, names, populations);
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
