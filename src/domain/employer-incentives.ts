// The employer calculator: what an employer receives for one employee in a year under the Wet
// tegemoetkomingen loondomein (LKV, LIV), from the parameters one text version of the law sets, and
// the quota levy (Wfsv art. 38h lid 4) on a shortfall. Plain functions of plain inputs; money in
// cents, hours as exact decimals. A year without an embedded law text is refused, never guessed.
import { Dec } from "./decimal.ts";
import { divRound, eurosToCents, type Cents } from "./money.ts";

/** One parameter as a law text version sets it (a row of employer-instrument-parameters.csv). */
export interface LawParameter {
  instrument: string;
  parameter: string;
  /** first day of the text version read (ISO date) */
  validFrom: string;
  textVersion: string;
  value: string;
  unit: string;
  law: string;
  bwbId: string;
  article: string;
  quote: string;
  note: string | null;
  sourceId: string;
}

/** The Wet tegemoetkomingen loondomein, whose text versions of 1 January make a calculator year. */
export const WTL = "BWBR0037522";

/** The instruments in the order the law names them (art. 2.1 a–d, then art. 3.1): a tie goes to the first. */
export const INSTRUMENTS = [
  {
    key: "lkv_oudere_werknemer",
    name: "Loonkostenvoordeel oudere werknemer",
    kind: "LKV_OUDERE_WERKNEMER",
    condition: "the employee was 56 or older when the employment began",
  },
  {
    key: "lkv_arbeidsgehandicapte_werknemer",
    name: "Loonkostenvoordeel arbeidsgehandicapte werknemer",
    kind: "LKV_ARBEIDSGEHANDICAPTE_WERKNEMER",
    condition: "the employee is a disabled worker (arbeidsgehandicapte werknemer)",
  },
  {
    key: "lkv_doelgroep_banenafspraak",
    name: "Loonkostenvoordeel doelgroep banenafspraak en scholingsbelemmerden",
    kind: "LKV_DOELGROEP_BANENAFSPRAAK",
    condition: "the employee is in the job-agreement target group (doelgroepregister) or scholingsbelemmerd",
  },
  {
    key: "lkv_herplaatsen_arbeidsgehandicapte_werknemer",
    name: "Loonkostenvoordeel herplaatsen arbeidsgehandicapte werknemer",
    kind: "LKV_HERPLAATSEN_ARBEIDSGEHANDICAPTE_WERKNEMER",
    condition: "the employee resumes work, or another job, at the same employer after becoming disabled",
  },
  {
    key: "liv",
    name: "Lage-inkomensvoordeel",
    kind: "LIV",
    condition: "the average hourly wage is within the year's band and at least the minimum paid hours",
  },
] as const;
export type InstrumentKind = (typeof INSTRUMENTS)[number]["kind"];

/** What the calculator needs to know of the employee; the law's other conditions are not checked. */
export interface EmployeeFacts {
  ageAtHiring: number | null;
  /** 1 for the first year of the employment, 2 for the second … */
  yearOfEmployment: number;
  jobAgreementTargetGroup: boolean;
  disabledWorker: boolean;
  resumedAfterDisability: boolean;
}

export interface CalculatorInput {
  year: number;
  hourlyWageCents: Cents;
  /** paid hours (verloonde uren) in the calendar year */
  paidHours: Dec;
  employee: EmployeeFacts;
}

export type InstrumentStatus = "ELIGIBLE" | "NOT_ELIGIBLE" | "NOT_EMBEDDED";

export interface InstrumentOutcome {
  kind: InstrumentKind;
  name: string;
  status: InstrumentStatus;
  /** why it applies or not, in words */
  reason: string;
  /** rate × paid hours capped at the yearly maximum; null unless eligible */
  amountCents: Cents | null;
  /** what is paid after the combination rule (art. 4.1 lid 3): the highest only; null unless eligible */
  paidCents: Cents | null;
  ratePerHourCents: Cents | null;
  capPerYearCents: Cents | null;
  /** the parameters the rate and cap come from */
  rate: LawParameter | null;
  cap: LawParameter | null;
  maxYears: number | null;
  /** the parameters used, with their articles and quotes */
  parameters: LawParameter[];
}

export interface CalculatorResult {
  year: number;
  textVersion: string;
  instruments: InstrumentOutcome[];
  totalCents: Cents;
  /** how the total was formed, in words */
  totalRule: string;
  /** the parameters of the total's rule (art. 4.1 lid 3), when more than one instrument applies */
  totalParameters: LawParameter[];
}

export class YearNotCovered extends Error {
  constructor(
    readonly year: number,
    readonly coveredYears: number[],
  ) {
    super(
      `No embedded law text for ${year}: the employer calculator covers ${coveredYears.join(" and ")} ` +
        "(the text versions of the Wet tegemoetkomingen loondomein of 1 January of those years). " +
        "Other years are not guessed.",
    );
  }
}

/** Years with a text version of the Wtl in force from 1 January: the years the calculator answers. */
export function coveredYears(parameters: readonly LawParameter[]): number[] {
  const years = parameters
    .filter((p) => p.bwbId === WTL && /^\d{4}-01-01$/.test(p.validFrom))
    .map((p) => Number(p.validFrom.slice(0, 4)));
  return [...new Set(years)].sort((a, b) => a - b);
}

/** Euros per hour × hours, to the cent (half away from zero). */
export function hoursTimesRate(rateCents: Cents, hours: Dec): Cents {
  return divRound(rateCents * hours.value, 10n ** BigInt(hours.scale));
}

const maxYearsOf = (note: string | null): number | null => {
  const m = /at most (\d+) years?/.exec(note ?? "");
  return m ? Number(m[1]) : null;
};

function lkv(
  instrument: (typeof INSTRUMENTS)[number],
  set: LawParameter[],
  input: CalculatorInput,
  eligible: boolean,
): InstrumentOutcome {
  const rate = set.find((p) => p.instrument === instrument.key && p.parameter === "amount_per_paid_hour");
  const cap = set.find((p) => p.instrument === instrument.key && p.parameter === "max_per_year");
  const base = { kind: instrument.kind, name: instrument.name, paidCents: null };
  if (!rate || !cap) {
    return {
      ...base,
      status: "NOT_EMBEDDED",
      reason: `The embedded text of ${input.year} does not give this instrument's amounts (not read); not computed`,
      amountCents: null,
      ratePerHourCents: null,
      capPerYearCents: null,
      rate: null,
      cap: null,
      maxYears: null,
      parameters: [],
    };
  }
  const ratePerHourCents = eurosToCents(rate.value);
  const capPerYearCents = eurosToCents(cap.value);
  const maxYears = maxYearsOf(cap.note);
  const known = { ratePerHourCents, capPerYearCents, rate, cap, maxYears, parameters: [rate, cap] };
  if (!eligible) {
    return {
      ...base,
      ...known,
      status: "NOT_ELIGIBLE",
      reason: `Applies only when ${instrument.condition}`,
      amountCents: null,
    };
  }
  if (maxYears !== null && input.employee.yearOfEmployment > maxYears) {
    return {
      ...base,
      ...known,
      status: "NOT_ELIGIBLE",
      reason: `Paid for at most ${maxYears} year${maxYears === 1 ? "" : "s"} of the employment; this is year ${input.employee.yearOfEmployment}`,
      amountCents: null,
    };
  }
  const uncapped = hoursTimesRate(ratePerHourCents, input.paidHours);
  return {
    ...base,
    ...known,
    status: "ELIGIBLE",
    reason: `${instrument.condition[0]!.toUpperCase()}${instrument.condition.slice(1)} (the law's further conditions, such as the target-group statement, are not checked)`,
    amountCents: uncapped < capPerYearCents ? uncapped : capPerYearCents,
  };
}

/** The LIV bands of a text version: 2018 has two, 2024 one. */
function livBands(set: LawParameter[]) {
  const get = (parameter: string) => set.find((p) => p.instrument === "liv" && p.parameter === parameter);
  const bands: {
    min: LawParameter;
    minExclusive: boolean;
    max: LawParameter;
    rate: LawParameter;
    cap: LawParameter;
  }[] = [];
  const single = [get("hourly_wage_min"), get("hourly_wage_max"), get("amount_per_paid_hour"), get("max_per_year")];
  if (single.every(Boolean)) {
    const [min, max, rate, cap] = single as LawParameter[];
    bands.push({ min: min!, minExclusive: false, max: max!, rate: rate!, cap: cap! });
  }
  for (const n of [1, 2]) {
    const min = get(`band${n}_hourly_wage_min`) ?? get(`band${n}_hourly_wage_min_exclusive`);
    const max = get(`band${n}_hourly_wage_max`);
    const rate = get(`band${n}_amount_per_paid_hour`);
    const cap = get(`band${n}_max_per_year`);
    if (min && max && rate && cap)
      bands.push({ min, minExclusive: min.parameter.endsWith("_exclusive"), max, rate, cap });
  }
  return { bands, minHours: get("min_paid_hours_per_year") };
}

function liv(set: LawParameter[], input: CalculatorInput): InstrumentOutcome {
  const instrument = INSTRUMENTS[4];
  const { bands, minHours } = livBands(set);
  const base = { kind: instrument.kind, name: instrument.name, paidCents: null, maxYears: null };
  if (bands.length === 0 || !minHours) {
    return {
      ...base,
      status: "NOT_EMBEDDED",
      reason: `The embedded text of ${input.year} does not give the LIV's amounts; not computed`,
      amountCents: null,
      ratePerHourCents: null,
      capPerYearCents: null,
      rate: null,
      cap: null,
      parameters: [],
    };
  }
  const wage = input.hourlyWageCents;
  const band = bands.find((b) => {
    const min = eurosToCents(b.min.value);
    return (b.minExclusive ? wage > min : wage >= min) && wage <= eurosToCents(b.max.value);
  });
  const shown = band ?? bands[0]!;
  const known = {
    ratePerHourCents: eurosToCents(shown.rate.value),
    capPerYearCents: eurosToCents(shown.cap.value),
    rate: shown.rate,
    cap: shown.cap,
  };
  const indexed = `; the bands are the law text's of ${input.year}-01-01 (art. 3.1 re-indexes them yearly by ministerial regulation, which is not embedded)`;
  const ranges = bands
    .map((b) => `${b.minExclusive ? "above" : "from"} €${b.min.value} to €${b.max.value}`)
    .join(", or ");
  if (!band) {
    return {
      ...base,
      ...known,
      status: "NOT_ELIGIBLE",
      reason: `An average hourly wage of €${formatEuro(wage)} is outside the band (${ranges})${indexed}`,
      amountCents: null,
      parameters: [...bands.flatMap((b) => [b.min, b.max]), minHours],
    };
  }
  const parameters = [band.min, band.max, band.rate, band.cap, minHours];
  if (input.paidHours.cmp(Dec.of(minHours.value)) < 0) {
    return {
      ...base,
      ...known,
      status: "NOT_ELIGIBLE",
      reason: `Needs at least ${minHours.value} paid hours in the year; ${input.paidHours} given`,
      amountCents: null,
      parameters,
    };
  }
  const uncapped = hoursTimesRate(known.ratePerHourCents, input.paidHours);
  return {
    ...base,
    ...known,
    status: "ELIGIBLE",
    reason: `Average hourly wage €${formatEuro(wage)} is in the band ${band.minExclusive ? "above" : "from"} €${band.min.value} to €${band.max.value}, with at least ${minHours.value} paid hours${indexed}`,
    amountCents: uncapped < known.capPerYearCents ? uncapped : known.capPerYearCents,
    parameters,
  };
}

const formatEuro = (cents: Cents) => `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;

/**
 * Every instrument of the year for one employee: whether it applies, its amount, cap, duration and
 * legal source, and the total under the law's combination rule (art. 4.1 lid 3: the highest only).
 */
export function employerIncentives(parameters: readonly LawParameter[], input: CalculatorInput): CalculatorResult {
  const years = coveredYears(parameters);
  if (!years.includes(input.year)) throw new YearNotCovered(input.year, years);
  const textVersion = `${input.year}-01-01`;
  const set = parameters.filter((p) => p.bwbId === WTL && p.validFrom === textVersion);
  const e = input.employee;
  const eligible = [
    e.ageAtHiring !== null && e.ageAtHiring >= 56,
    e.disabledWorker,
    e.jobAgreementTargetGroup,
    e.resumedAfterDisability,
  ];
  const instruments = [
    ...INSTRUMENTS.slice(0, 4).map((inst, i) => lkv(inst, set, input, eligible[i]!)),
    liv(set, input),
  ];

  const applying = instruments.filter((i) => i.status === "ELIGIBLE");
  const rule = set.filter((p) => p.instrument === "samenloop");
  let totalRule = "No instrument applies";
  if (applying.length === 1) {
    applying[0]!.paidCents = applying[0]!.amountCents;
    totalRule = `Only ${applying[0]!.name} applies`;
  } else if (applying.length > 1) {
    if (rule.length === 0) {
      // summing would be a guess when the text version's combination rule is not embedded
      throw new Error(`The combination rule of the ${input.year} text (art. 4.1) is not embedded; no total is given`);
    }
    // the highest; on a tie the one the law names first (the instruments are in the law's order)
    const highest = applying.reduce((best, i) => (i.amountCents! > best.amountCents! ? i : best));
    for (const i of applying) i.paidCents = i === highest ? i.amountCents : 0n;
    totalRule = `More than one instrument applies: the total is capped at the highest, ${highest.name} (art. ${rule[0]!.article})`;
  }
  const totalCents = applying.reduce((sum, i) => sum + (i.paidCents ?? 0n), 0n);
  return {
    year: input.year,
    textVersion,
    instruments,
    totalCents,
    totalRule,
    totalParameters: applying.length > 1 ? rule : [],
  };
}

/** The quota levy (quotumheffing) of one employer: shortfall × the levy per missing job, to the cent. */
export function employerQuotaLevy(quotaJobs: Dec, actualJobs: Dec, levyPerJobCents: Cents) {
  const diff = quotaJobs.sub(actualJobs);
  const shortfall = diff.cmp(Dec.of(0)) > 0 ? diff : Dec.of(0);
  return { shortfall, levyCents: divRound(levyPerJobCents * shortfall.value, 10n ** BigInt(shortfall.scale)) };
}
