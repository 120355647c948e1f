// The employer calculator and an employer's quota levy, over the law parameters this subgraph keeps
// (datasets/employer-instrument-parameters.csv). The arithmetic is in domain/employer-incentives.ts.
import { badUserInput } from "../../common/errors.ts";
import { computedRef } from "../../common/source.ts";
import { Dec } from "../../domain/decimal.ts";
import {
  coveredYears,
  employerIncentives,
  employerQuotaLevy,
  YearNotCovered,
  type EmployeeFacts,
  type InstrumentOutcome,
} from "../../domain/employer-incentives.ts";
import type { EmployerParameterModel } from "../../generated/prisma/models.ts";
import type { UwvLoaders } from "./loaders.ts";
import type {
  AmountModel,
  EmployerIncentivesModel,
  EmployerInstrumentResultModel,
  EmployerQuotaLevyModel,
} from "./models.ts";
import { levyAmount, levyPerJobAmount, loadQuotaInputs, quotaStatement } from "./quota.ts";

const MAX_HOURS = Dec.of(8784); // every hour of a leap year

const lawAmount = (cents: bigint, parameter: EmployerParameterModel): AmountModel => ({
  cents,
  qualifier: "STATED",
  source: parameter.sourceId,
});

function instrumentResult(year: number, outcome: InstrumentOutcome): EmployerInstrumentResultModel {
  const { rate, cap } = outcome;
  const derived = (cents: bigint, what: string, rule: string): AmountModel => ({
    cents,
    qualifier: "STATED",
    source: computedRef(
      `${outcome.name} ${year}: ${what}`,
      outcome.parameters.map((p) => p.sourceId),
      rule,
    ),
  });
  const rule = `${outcome.ratePerHourCents !== null ? "Rate per paid hour × paid hours, at most the cap per year" : ""} (art. ${[...new Set(outcome.parameters.map((p) => p.article))].join(", ")})`;
  return {
    instrument: outcome.kind,
    name: outcome.name,
    status: outcome.status,
    reason: outcome.reason,
    amount: outcome.amountCents === null ? null : derived(outcome.amountCents, "amount", rule),
    paid:
      outcome.paidCents === null
        ? null
        : derived(outcome.paidCents, "paid", "The amount, or 0 when another instrument is higher (art. 4.1 lid 3)"),
    ratePerPaidHour: outcome.ratePerHourCents !== null && rate ? lawAmount(outcome.ratePerHourCents, rate) : null,
    capPerYear: outcome.capPerYearCents !== null && cap ? lawAmount(outcome.capPerYearCents, cap) : null,
    maxYears: outcome.maxYears,
    parameters: outcome.parameters,
  };
}

export async function employerIncentivesOf(
  args: {
    year: number;
    hourlyWage: bigint;
    hoursPerYear: string;
    employee: Partial<Record<keyof EmployeeFacts, unknown>>;
  },
  loaders: UwvLoaders,
): Promise<EmployerIncentivesModel> {
  const parameters = await loaders.employerParameters.load("all");
  const hours = Dec.of(args.hoursPerYear);
  if (hours.cmp(Dec.of(0)) < 0 || hours.cmp(MAX_HOURS) > 0) {
    throw badUserInput("hoursPerYear", `${args.hoursPerYear} is not a number of hours in a year (0 to ${MAX_HOURS})`);
  }
  if (args.hourlyWage < 0n) throw badUserInput("hourlyWage", "an hourly wage cannot be negative");
  const e = args.employee;
  const ageAtHiring = (e.ageAtHiring as number | null | undefined) ?? null;
  if (ageAtHiring !== null && (ageAtHiring < 13 || ageAtHiring > 100)) {
    throw badUserInput("employee.ageAtHiring", `${ageAtHiring} is not an age at hiring (13 to 100)`);
  }
  const yearOfEmployment = (e.yearOfEmployment as number | null | undefined) ?? 1;
  if (yearOfEmployment < 1 || yearOfEmployment > 60) {
    throw badUserInput(
      "employee.yearOfEmployment",
      `${yearOfEmployment} is not a year of employment (1 for the first)`,
    );
  }
  let result;
  try {
    result = employerIncentives(parameters, {
      year: args.year,
      hourlyWageCents: args.hourlyWage,
      paidHours: hours,
      employee: {
        ageAtHiring,
        yearOfEmployment,
        jobAgreementTargetGroup: e.jobAgreementTargetGroup === true,
        disabledWorker: e.disabledWorker === true,
        resumedAfterDisability: e.resumedAfterDisability === true,
      },
    });
  } catch (error) {
    if (error instanceof YearNotCovered) throw badUserInput("year", error.message);
    throw error;
  }
  const instruments = result.instruments.map((o) => instrumentResult(result.year, o));
  const paying = result.instruments.filter((o) => o.status === "ELIGIBLE");
  return {
    year: result.year,
    lawTextVersion: result.textVersion,
    coveredYears: coveredYears(parameters),
    instruments,
    total: {
      cents: result.totalCents,
      qualifier: "STATED",
      source: computedRef(
        `Employer incentives ${result.year}: total for one employee`,
        [...paying.flatMap((o) => o.parameters), ...result.totalParameters].map((p) => p.sourceId),
        result.totalRule,
      ),
    },
    totalRule: result.totalRule,
  };
}

export async function employerQuotaLevyOf(
  args: { year: number; sector: "MARKET" | "GOVERNMENT" | "TOTAL"; quotaJobs: string; actualJobs: string },
  loaders: UwvLoaders,
): Promise<EmployerQuotaLevyModel> {
  if (args.sector === "TOTAL") throw badUserInput("sector", "an employer is in one sector: give MARKET or GOVERNMENT");
  const quotaJobs = Dec.of(args.quotaJobs);
  const actualJobs = Dec.of(args.actualJobs);
  if (quotaJobs.cmp(Dec.of(0)) < 0) throw badUserInput("quotaJobs", `${args.quotaJobs} is negative`);
  if (actualJobs.cmp(Dec.of(0)) < 0) throw badUserInput("actualJobs", `${args.actualJobs} is negative`);
  const quota = await loadQuotaInputs(loaders);
  const sector = args.sector.toLowerCase();
  const statement = quotaStatement(quota.rules, sector, args.year);
  const { shortfall } = employerQuotaLevy(quotaJobs, actualJobs, quota.levy.cents);
  const shortfallSource = computedRef(
    `Quota shortfall of an employer, ${args.year}`,
    [],
    `max(0, ${args.quotaJobs} quota jobs − ${args.actualJobs} actual jobs), as given by the caller`,
  );
  const due =
    statement.status === "APPLIES"
      ? "due: a letter states the quota applies"
      : statement.status === "DOES_NOT_APPLY"
        ? "not due: a letter states the quota does not apply"
        : "whether it is due is not stated in the embedded sources";
  return {
    year: args.year,
    sector: args.sector,
    shortfall,
    levyPerJob: levyPerJobAmount(quota.levy),
    levy: levyAmount(
      `Quota levy of an employer, ${args.year}`,
      shortfall,
      shortfallSource,
      quota.levy,
      "Shortfall × the levy per missing job of Wfsv art. 38h lid 4",
    ),
    quotaStatus: statement.status,
    explanation: `Levy ${due}. ${statement.explanation}`,
  };
}
