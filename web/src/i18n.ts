// Every label the dashboard shows, in English and Dutch. Keys are checked by TypeScript: a label
// missing in one language does not compile.

export type Lang = "en" | "nl";

const en = {
  title: "Work and participation by region",
  tagline: "Job agreement, BUIG budgets and sheltered work in the 35 labour-market regions",
  skip: "Skip to the content",
  switchLanguage: "Nederlands",
  switchLanguageLabel: "Toon in het Nederlands",
  national: "All regions",
  graphiql: "GraphiQL (query the data)",
  year: "Year",
  indicator: "Colour the map by",
  loading: "Loading…",
  loadFailed: "The data could not be loaded",
  retry: "Try again",
  syntheticBanner:
    "This page shows SYNTHETIC figures, marked SYN: generated for development and testing, not real data. Hover over or focus a number to see where it comes from.",
  syntheticBadge: "SYN",
  syntheticBadgeLong: "synthetic figure",
  syntheticInView: "Contains synthetic figures",
  noData: "no data",
  mapTitle: "Labour-market regions",
  mapHelp:
    "Click a region, or move through the regions with the arrow keys and press Enter, to see its municipalities.",
  mapLabel: "Map of the 35 labour-market regions coloured by {indicator}, {year}",
  attribution: "Boundaries: CBS/PDOK, CC BY 4.0, simplified by cartomap/nl",
  boundariesYear: "The boundaries are those of 2025; in {year} a few municipalities lay in another region.",
  mapTable: "The map as a table",
  region: "Region",
  code: "Code",
  legend: "Legend",
  indicatorExtraJobs: "Extra jobs against the 2012 baseline",
  indicatorJobsPerThousand: "Job-agreement jobs per 1,000 inhabitants",
  indicatorBuigResult: "BUIG result as % of the budget",
  indicatorShelteredProgress: "Sheltered-work places realised, % of target",
  unitJobs: "jobs",
  unitPercent: "%",
  perThousandNote:
    "Computed in the dashboard: jobs at the end of {year} ÷ population on {date} × 1,000. Jobs: {jobs}. Population: {population}.",
  nationalChartTitle: "Job agreement nationally: extra jobs against the target",
  nationalChartHelp: "Bars: extra jobs realised. Black marks: the target of that year.",
  realised: "realised",
  target: "target",
  sectorMARKET: "Market",
  sectorGOVERNMENT: "Government",
  sectorTOTAL: "Total",
  chartAsTable: "The chart as a table",
  sector: "Sector",
  backToMap: "← All regions",
  unknownRegion: "There is no labour-market region {code}.",
  municipalitiesOf: "Municipalities of {region} in {year}",
  membershipNote:
    "The {count} municipalities in the region on 1 January {year} by the {kind} classification of that year ({document}), with their figures of {year}.",
  membershipUncertain:
    "For {count} of them the region that year is uncertain (marked ?; the source of a name says why).",
  populationOn: "Population on {date}.",
  uncertainLong: "region uncertain this year",
  municipality: "Municipality",
  population: "Population",
  buigBudget: "BUIG budget",
  buigSpending: "BUIG spending",
  buigResult: "BUIG result",
  buigResultPercent: "Result, % of budget",
  participationBudget: "Participation budget",
  shelteredTarget: "Sheltered work: target",
  shelteredRealised: "Sheltered work: realised",
  sortBy: "Sort by {column}",
  downloadCsv: "Download CSV",
  downloadCsvLabel: "Download the table of {region}, {year}, as CSV",
  overTheYears: "{region} over the years",
  chartJobs: "Job agreement: jobs and extra jobs at the end of each year",
  jobs: "jobs",
  extraJobs: "extra jobs",
  chartBuig: "BUIG budget and spending (€ million)",
  budget: "budget",
  spending: "spending",
  chartSheltered: "Sheltered-work places: target and realised",
  chartParticipation: "Participation budget (€ million)",
  total: "total",
  provPublisher: "Publisher",
  provDocument: "Document",
  provDate: "Date",
  provKind: "Kind",
  provLicense: "Licence",
  provNote: "Note",
  kindOFFICIAL: "official",
  kindDERIVED: "derived",
  kindSYNTHETIC: "SYNTHETIC",
  kindASSUMED: "assumed",
  noSource: "No figure for this year",
  dashboardPublisher: "nl-work-graph dashboard",
};

export type LabelKey = keyof typeof en;

const nl: Record<LabelKey, string> = {
  title: "Werk en participatie per regio",
  tagline: "Banenafspraak, BUIG-budgetten en beschut werk in de 35 arbeidsmarktregio's",
  skip: "Naar de inhoud",
  switchLanguage: "English",
  switchLanguageLabel: "Show in English",
  national: "Alle regio's",
  graphiql: "GraphiQL (bevraag de gegevens)",
  year: "Jaar",
  indicator: "Kleur de kaart naar",
  loading: "Laden…",
  loadFailed: "De gegevens konden niet worden geladen",
  retry: "Opnieuw",
  syntheticBanner:
    "Deze pagina toont SYNTHETISCHE cijfers, gemarkeerd met SYN: gegenereerd voor ontwikkeling en tests, geen echte gegevens. Wijs een getal aan of geef het focus om te zien waar het vandaan komt.",
  syntheticBadge: "SYN",
  syntheticBadgeLong: "synthetisch cijfer",
  syntheticInView: "Bevat synthetische cijfers",
  noData: "geen gegevens",
  mapTitle: "Arbeidsmarktregio's",
  mapHelp:
    "Klik op een regio, of ga met de pijltjestoetsen langs de regio's en druk op Enter, om de gemeenten te zien.",
  mapLabel: "Kaart van de 35 arbeidsmarktregio's gekleurd naar {indicator}, {year}",
  attribution: "Grenzen: CBS/PDOK, CC BY 4.0, vereenvoudigd door cartomap/nl",
  boundariesYear: "De grenzen zijn die van 2025; in {year} lagen enkele gemeenten in een andere regio.",
  mapTable: "De kaart als tabel",
  region: "Regio",
  code: "Code",
  legend: "Legenda",
  indicatorExtraJobs: "Extra banen ten opzichte van de nulmeting 2012",
  indicatorJobsPerThousand: "Banen banenafspraak per 1.000 inwoners",
  indicatorBuigResult: "BUIG-resultaat in % van het budget",
  indicatorShelteredProgress: "Gerealiseerde plekken beschut werk, % van de taakstelling",
  unitJobs: "banen",
  unitPercent: "%",
  perThousandNote:
    "Berekend in het dashboard: banen eind {year} ÷ inwoners op {date} × 1.000. Banen: {jobs}. Inwoners: {population}.",
  nationalChartTitle: "Banenafspraak landelijk: extra banen tegen de doelstelling",
  nationalChartHelp: "Staven: gerealiseerde extra banen. Zwarte streepjes: de doelstelling van dat jaar.",
  realised: "gerealiseerd",
  target: "doelstelling",
  sectorMARKET: "Markt",
  sectorGOVERNMENT: "Overheid",
  sectorTOTAL: "Totaal",
  chartAsTable: "De grafiek als tabel",
  sector: "Sector",
  backToMap: "← Alle regio's",
  unknownRegion: "Er is geen arbeidsmarktregio {code}.",
  municipalitiesOf: "Gemeenten van {region} in {year}",
  membershipNote:
    "De {count} gemeenten in de regio op 1 januari {year} volgens de indeling van dat jaar ({kind}: {document}), met hun cijfers van {year}.",
  membershipUncertain:
    "Voor {count} daarvan is de regio dat jaar onzeker (gemarkeerd met ?; de herkomst bij de naam zegt waarom).",
  populationOn: "Inwoners op {date}.",
  uncertainLong: "regio dit jaar onzeker",
  municipality: "Gemeente",
  population: "Inwoners",
  buigBudget: "BUIG-budget",
  buigSpending: "BUIG-uitgaven",
  buigResult: "BUIG-resultaat",
  buigResultPercent: "Resultaat, % van budget",
  participationBudget: "Participatiebudget",
  shelteredTarget: "Beschut werk: taakstelling",
  shelteredRealised: "Beschut werk: gerealiseerd",
  sortBy: "Sorteer op {column}",
  downloadCsv: "Download CSV",
  downloadCsvLabel: "Download de tabel van {region}, {year}, als CSV",
  overTheYears: "{region} door de jaren heen",
  chartJobs: "Banenafspraak: banen en extra banen aan het eind van elk jaar",
  jobs: "banen",
  extraJobs: "extra banen",
  chartBuig: "BUIG-budget en -uitgaven (€ miljoen)",
  budget: "budget",
  spending: "uitgaven",
  chartSheltered: "Plekken beschut werk: taakstelling en gerealiseerd",
  chartParticipation: "Participatiebudget (€ miljoen)",
  total: "totaal",
  provPublisher: "Uitgever",
  provDocument: "Document",
  provDate: "Datum",
  provKind: "Soort",
  provLicense: "Licentie",
  provNote: "Toelichting",
  kindOFFICIAL: "officieel",
  kindDERIVED: "afgeleid",
  kindSYNTHETIC: "SYNTHETISCH",
  kindASSUMED: "aangenomen",
  noSource: "Geen cijfer voor dit jaar",
  dashboardPublisher: "nl-work-graph dashboard",
};

const labels: Record<Lang, Record<LabelKey, string>> = { en, nl };

let current: Lang = "en";

export const lang = (): Lang => current;

export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem("lang", next);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
}

/** The language chosen before, else the browser's when it is Dutch, else English. */
export function initialLang(): Lang {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem("lang");
  } catch {
    stored = null;
  }
  if (stored === "en" || stored === "nl") return stored;
  return navigator.language.toLowerCase().startsWith("nl") ? "nl" : "en";
}

/** A label with {placeholders} filled in. */
export function t(key: LabelKey, values: Record<string, string | number> = {}): string {
  return labels[current][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
