import { describe, expect, it } from "vitest";
import { Dec } from "../../src/domain/decimal.ts";
import {
  againstTarget,
  hiredExtraJobs,
  jobsFromHours,
  percentOf,
  quotaLevyCents,
} from "../../src/domain/job-agreement.ts";

const d = (text: string) => Dec.of(text);

describe("the job agreement's arithmetic", () => {
  it("counts jobs of 25.5 paid hours a week", () => {
    expect(jobsFromHours(d("25.5")).toString()).toBe("1.00");
    expect(jobsFromHours(d("3773724")).toString()).toBe("147989.18");
    expect(jobsFromHours(d("10")).toString()).toBe("0.39");
  });

  it("reproduces the published 2021 hired-job growth from the allocation keys (1,039 market, 4,748 government)", () => {
    const market = hiredExtraJobs(d("41993"), d("0.68"), d("36206"), d("0.760"));
    const government = hiredExtraJobs(d("41993"), d("0.32"), d("36206"), d("0.240"));
    expect(market.toString()).toBe("1038.680");
    expect(government.toString()).toBe("4748.320");
    expect(Math.abs(Number(market.round(0).toString()) - 1039)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(government.round(0).toString()) - 4748)).toBeLessThanOrEqual(1);
    // together exactly the growth in hired jobs, whatever the keys
    expect(market.add(government).toString()).toBe("5787.000");
  });

  it("measures the distance to a target", () => {
    expect(againstTarget(d("11842"), d("20000"))).toEqual({
      shortfall: d("8158"),
      surplus: d("0"),
      progressPercent: d("59.21"),
      met: false,
    });
    const market = againstTarget(d("60966"), d("60000"));
    expect(market.met).toBe(true);
    expect(market.surplus.toString()).toBe("966");
    expect(market.progressPercent!.toString()).toBe("101.61");
    expect(againstTarget(d("5"), d("0")).progressPercent).toBeNull();
    expect(againstTarget(d("20000"), d("20000"))).toMatchObject({ met: true, shortfall: d("0") });
  });

  it("computes shares and the quota levy exactly", () => {
    expect(percentOf(d("4748"), d("11842"))!.toString()).toBe("40.09");
    expect(percentOf(d("1"), d("0"))).toBeNull();
    expect(quotaLevyCents(d("8158"), 500_000n)).toBe(4_079_000_000n);
    expect(quotaLevyCents(d("0.5"), 500_000n)).toBe(250_000n);
  });
});
