// The CBS reference datasets read into rows: served by the reference subgraph, and copied by other
// subgraphs that sum over regions.
import { readCsv } from "./csv.ts";
import { datasetFile } from "./datasets.ts";
import { nameSearchKey } from "../domain/names.ts";
import type {
  LabourMarketRegionModel,
  MunicipalityModel,
  MunicipalityNameModel,
  PopulationModel,
  ProvinceModel,
  ReferenceSourceModel,
} from "../generated/prisma/models.ts";

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
    if (
      !m ||
      m.lastYear !== 2026 ||
      m.labourMarketRegionCode !== row.labour_market_region_code ||
      m.name !== row.name
    ) {
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
