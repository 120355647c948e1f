// The CBS reference datasets read into rows: served by the reference subgraph, and copied by other
// subgraphs that sum over the municipalities and regions of a year. Checked against each other on
// the way in: a disagreement between the files is an error, not something to serve.
import { readCsv } from "./csv.ts";
import { datasetFile } from "./datasets.ts";
import { nameSearchKey } from "../domain/names.ts";
import {
  codesIn,
  deriveLifetimes,
  firstYearOf,
  type Lifetime,
  type MunicipalChange,
} from "../domain/municipal-history.ts";
import type { CompleteClassification, MembershipEvidence } from "../domain/region-membership.ts";
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
} from "../generated/prisma/models.ts";

const CC_BY = "CC BY 4.0";

export const SOURCES = {
  areas: {
    id: "cbs-86247ned",
    publisher: "CBS",
    document: "Gebieden in Nederland 2010–2026 (StatLine 86247NED and earlier editions)",
    url: "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/86247NED",
    date: "2026",
    kind: "OFFICIAL",
    license: CC_BY,
    note: "Municipalities with province, labour-market region and COROP area; the 2025 and 2026 classifications",
  },
  areasHistory: {
    id: "cbs-gebieden-history",
    publisher: "CBS",
    document: "Gebieden in Nederland 2014–2023: a municipality's region in its last year in the tables",
    url: "https://opendata.cbs.nl/statline/#/CBS/nl/navigatieScherm/zoeken?searchKeywords=gebieden%20in%20nederland",
    date: "2023",
    kind: "OFFICIAL",
    license: CC_BY,
    note: "For a municipality dissolved later, or renamed in 2024, CBS's table of its last year states its region in that year",
  },
  classification2016: {
    id: "cbs-83287ned",
    publisher: "CBS",
    document: "Gebieden in Nederland 2016 (StatLine 83287NED), arbeidsmarktregio's",
    url: "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/83287NED",
    date: "2016",
    kind: "OFFICIAL",
    license: CC_BY,
    note: "Region names as in CBS/PDOK's 2016 region boundaries",
  },
  classification2015: {
    id: "uwv-besluit-werkgebieden-2015",
    publisher: "UWV",
    document: "Besluit werkgebieden UWV 2015 (BWBR0036164), bijlage 3: arbeidsmarktregio's per gemeente",
    url: "https://wetten.overheid.nl/BWBR0036164",
    date: "2014-11-18",
    kind: "OFFICIAL",
    license: "Not subject to copyright (Auteurswet art. 11)",
    note: "UWV's region names as printed; each region given the CBS code of the 2016 region holding its municipalities",
  },
  changes: {
    id: "cbs-gemeentelijke-indelingswijzigingen",
    publisher: "CBS",
    document: "Gemeentelijke indelingswijzigingen 2010–2023 (list of municipal changes; the merger laws)",
    url: "https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/overig/gemeentelijke-indelingen-per-jaar",
    date: "2023-01-01",
    kind: "OFFICIAL",
    license: CC_BY,
    note: "Dates, dissolved codes and successors as public facts; transcribed via krevelen/epidemes (to 2017) and VNG's grenswijzigen tables (from 2017)",
  },
  aliases: {
    id: "nl-work-graph-aliases",
    publisher: "nl-work-graph (curated)",
    document: "Names in common use for municipalities besides CBS's (datasets/municipality-aliases.csv)",
    url: null,
    date: "2026-11-24",
    kind: "OFFICIAL",
    license: null,
    note: "Curated by this project: each alias says why it names the municipality",
  },
  population2024: {
    id: "cbs-70072ned-2024",
    publisher: "CBS",
    document: "Regionale kerncijfers Nederland (StatLine 70072NED), bevolking op 1 januari 2024",
    url: "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/70072NED",
    date: "2024-01-01",
    kind: "OFFICIAL",
    license: CC_BY,
    note: null,
  },
  population2021: {
    id: "cbs-85039ned-2021",
    publisher: "CBS",
    document: "Kerncijfers wijken en buurten 2021 (StatLine 85039NED), inwoners op 1 januari 2021",
    url: "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85039NED",
    date: "2021-01-01",
    kind: "OFFICIAL",
    license: CC_BY,
    note: "Municipality boundaries of 2021 (352 municipalities)",
  },
} satisfies Record<string, ReferenceSourceModel>;

/** The `source` column of the by-year membership file → the source of that classification. */
const CLASSIFICATION_SOURCES: Record<string, string> = {
  "uwv-besluit-werkgebieden-2015": SOURCES.classification2015.id,
  "cbs-83287ned": SOURCES.classification2016.id,
  "cbs-86247ned": SOURCES.areas.id,
};

export interface ReferenceData {
  sources: ReferenceSourceModel[];
  provinces: ProvinceModel[];
  regions: LabourMarketRegionModel[];
  regionNames: LabourMarketRegionNameModel[];
  municipalities: MunicipalityModel[];
  names: MunicipalityNameModel[];
  aliases: MunicipalityAliasModel[];
  changes: MunicipalityChangeModel[];
  memberships: MembershipEvidence[];
  classifications: CompleteClassification[];
  populations: PopulationModel[];
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Reads the reference datasets into table rows, checking that they agree with each other. */
export function readReferenceData(): ReferenceData {
  const history = readCsv(datasetFile("municipalities-history-2010-2026.csv"));
  const current = readCsv(datasetFile("municipalities-2025.csv"));
  const byYear = readCsv(datasetFile("municipality-labour-market-regions-by-year.csv"));
  const changeRows = readCsv(datasetFile("municipal-mergers-2010-2026.csv"));

  // the complete municipality sets of the classified years fix which successors were new codes
  const completeSets = new Map<number, Set<string>>();
  for (const row of byYear) {
    const year = Number(row.year);
    completeSets.set(year, (completeSets.get(year) ?? new Set()).add(row.code!));
  }
  const changes: MunicipalChange[] = changeRows.map((row) => ({
    effectiveDate: row.effective_date!,
    dissolvedCode: row.dissolved_code!,
    successorCode: row.successor_code!,
  }));
  const latest = new Map<string, Record<string, string>>();
  for (const row of history) {
    const seen = latest.get(row.code!);
    if (!seen || Number(row.last_year_in_cbs_table) > Number(seen.last_year_in_cbs_table)) latest.set(row.code!, row);
  }
  const lifetimes = deriveLifetimes([...latest.keys()], changes, completeSets);
  checkLifetimes(lifetimes, completeSets, latest);

  const provinces = new Map<string, ProvinceModel>();
  for (const row of history) provinces.set(row.province_code!, { code: row.province_code!, name: row.province! });
  const municipalities: MunicipalityModel[] = [...latest.values()].map((row) => {
    const lifetime = lifetimes.get(row.code!)!;
    return {
      code: row.code!,
      name: row.name!,
      provinceCode: row.province_code!,
      coropCode: row.corop_code!,
      coropName: row.corop_name!,
      lastYear: Number(row.last_year_in_cbs_table),
      firstYear: firstYearOf(lifetime),
      createdOn: lifetime.createdOn ? day(lifetime.createdOn) : null,
      dissolvedOn: lifetime.dissolvedOn ? day(lifetime.dissolvedOn) : null,
    };
  });
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  for (const row of current) {
    const m = byCode.get(row.code!);
    if (!m || m.lastYear !== 2026 || m.name !== row.name) {
      throw new Error(`datasets disagree on municipality ${row.code}: municipalities-2025.csv vs history`);
    }
  }

  const names: MunicipalityNameModel[] = history.map((row) => ({
    municipalityCode: row.code!,
    name: row.name!,
    searchKey: nameSearchKey(row.name!),
    lastYear: Number(row.last_year_in_cbs_table),
  }));
  const aliases: MunicipalityAliasModel[] = readCsv(datasetFile("municipality-aliases.csv")).map((row) => {
    if (!byCode.has(row.code!)) throw new Error(`municipality-aliases.csv: unknown code ${row.code}`);
    return { alias: row.alias!, municipalityCode: row.code!, note: row.note!, sourceId: SOURCES.aliases.id };
  });

  // memberships: the complete classifications, and each name's region in its last CBS table
  const memberships: MembershipEvidence[] = byYear.map((row) => ({
    year: Number(row.year),
    municipalityCode: row.code!,
    regionCode: row.labour_market_region_code!,
    sourceId: CLASSIFICATION_SOURCES[row.source!] ?? unknownSource(row.source!),
  }));
  const classifications: CompleteClassification[] = [...completeSets.keys()].sort().map((year) => ({
    year,
    sourceId: memberships.find((m) => m.year === year)!.sourceId,
  }));
  const stated = new Set(memberships.map((m) => `${m.municipalityCode}|${m.year}`));
  for (const row of history) {
    const year = Number(row.last_year_in_cbs_table);
    if (!row.labour_market_region_code || stated.has(`${row.code}|${year}`)) continue;
    stated.add(`${row.code}|${year}`);
    memberships.push({
      year,
      municipalityCode: row.code!,
      regionCode: row.labour_market_region_code,
      sourceId: SOURCES.areasHistory.id,
    });
  }

  // regions: every code of any classification, with its latest name; and each year's name
  const regionNames = new Map<string, LabourMarketRegionNameModel>();
  for (const row of byYear) {
    const key = `${row.labour_market_region_code}|${row.year}`;
    if (regionNames.has(key)) continue;
    regionNames.set(key, {
      regionCode: row.labour_market_region_code!,
      year: Number(row.year),
      name: row.labour_market_region_name!,
      sourceId: CLASSIFICATION_SOURCES[row.source!]!,
    });
  }
  const regions = new Map<string, LabourMarketRegionModel>();
  for (const n of [...regionNames.values()].sort((a, b) => a.year - b.year)) {
    regions.set(n.regionCode, { code: n.regionCode, name: n.name });
  }
  for (const m of memberships) {
    if (!regions.has(m.regionCode)) throw new Error(`region ${m.regionCode} of ${m.municipalityCode} has no name`);
  }

  const changeModels: MunicipalityChangeModel[] = changeRows.map((row) => ({
    dissolvedCode: row.dissolved_code!,
    successorCode: row.successor_code!,
    effectiveDate: day(row.effective_date!),
    dissolvedName: row.dissolved_name || null,
    successorName: row.successor_name!,
    note: row.note || null,
    sourceId: SOURCES.changes.id,
  }));

  const populations: PopulationModel[] = [
    ...populationRows("population-2024.csv", SOURCES.population2024.id),
    ...populationRows("population-2021.csv", SOURCES.population2021.id),
  ];
  for (const p of populations) {
    const lifetime = lifetimes.get(p.municipalityCode);
    // population is published with the municipalities of its reference date
    if (!lifetime || !codesIn([lifetime], p.referenceDate.getUTCFullYear()).length) {
      throw new Error(`population of ${p.municipalityCode} on ${isoDay(p.referenceDate)}: no such municipality then`);
    }
  }

  return {
    sources: Object.values(SOURCES),
    provinces: [...provinces.values()],
    regions: [...regions.values()],
    regionNames: [...regionNames.values()],
    municipalities,
    names,
    aliases,
    changes: changeModels,
    memberships,
    classifications,
    populations,
  };
}

function unknownSource(name: string): never {
  throw new Error(`municipality-labour-market-regions-by-year.csv: unknown source "${name}"`);
}

/** The derived lifetimes must give exactly the published sets, and agree with the history file. */
function checkLifetimes(
  lifetimes: Map<string, Lifetime>,
  completeSets: Map<number, Set<string>>,
  latest: Map<string, Record<string, string>>,
) {
  for (const [year, codes] of completeSets) {
    const derived = codesIn(lifetimes.values(), year);
    if (derived.length !== codes.size || derived.some((c) => !codes.has(c))) {
      throw new Error(`municipal changes do not give the ${codes.size} municipalities of ${year}'s classification`);
    }
  }
  for (const [code, row] of latest) {
    const lifetime = lifetimes.get(code)!;
    const last = Number(row.last_year_in_cbs_table);
    // the history names the code until its last table; the changes say it existed until then
    if (!codesIn([lifetime], last).length || (last < 2026 && codesIn([lifetime], last + 1).length)) {
      throw new Error(`${code}: last year ${last} in the history file disagrees with the municipal changes`);
    }
  }
}

function populationRows(file: string, sourceId: string): PopulationModel[] {
  return readCsv(datasetFile(file)).map((row) => ({
    municipalityCode: row.code!,
    referenceDate: day(row.reference_date!),
    value: Number(row.population),
    sourceId,
  }));
}
