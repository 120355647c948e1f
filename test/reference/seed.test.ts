import { afterEach, describe, expect, it } from "vitest";
import { openDatabaseServer, type DatabaseServer } from "../../src/db/database.ts";
import { migrate } from "../../src/db/migrate.ts";
import { readReferenceData } from "../../src/common/reference-data.ts";
import { seedReference } from "../../src/subgraphs/reference/seed.ts";
import { BACKENDS, type TestDatabase } from "../support/databases.ts";

describe("reference datasets", () => {
  it("hold the 342 municipalities of 2025, 35 regions, 12 provinces and CBS's national population", () => {
    const data = readReferenceData();
    const current = data.municipalities.filter((m) => m.lastYear === 2026);
    expect(current).toHaveLength(342);
    expect(data.municipalities).toHaveLength(463);
    // the 35 regions of 2025/2026 and AM31 (Food Valley), whose code became AM38
    expect(data.regions).toHaveLength(36);
    expect(data.provinces).toHaveLength(12);
    expect(new Set(data.memberships.filter((m) => m.year === 2026).map((m) => m.regionCode)).size).toBe(35);
    const total = (date: string) =>
      data.populations.filter((p) => p.referenceDate.toISOString().startsWith(date)).reduce((s, p) => s + p.value, 0);
    expect(total("2024-01-01")).toBe(17_942_942);
    expect(total("2021-01-01")).toBe(17_475_415);
    const cbs = data.sources.filter((s) => s.publisher === "CBS");
    expect(cbs.every((s) => s.license === "CC BY 4.0")).toBe(true);
  });
});

describe.each(BACKENDS)("seeding reference data ($name)", (backend) => {
  let db: TestDatabase | undefined;
  let server: DatabaseServer | undefined;
  afterEach(async () => {
    await server?.close();
    await db?.drop();
  });

  it("loads everything once; a second run changes nothing", async () => {
    db = await backend.fresh();
    server = await openDatabaseServer(db.location);
    await migrate(server, "reference");
    const client = server.client();
    const first = await seedReference(client);
    const data = readReferenceData();
    const rows = [
      data.sources,
      data.provinces,
      data.regions,
      data.regionNames,
      data.municipalities,
      data.names,
      data.aliases,
      data.changes,
      data.classifications,
      data.memberships,
      data.populations,
    ];
    expect(first.inserted).toBe(rows.reduce((n, r) => n + r.length, 0));
    const second = await seedReference(client);
    expect(second).toEqual({ inserted: 0, updated: 0, unchanged: first.inserted });
    expect(await client.prisma.municipality.count({ where: { lastYear: 2026 } })).toBe(342);
  });

  it("writes nothing at all when any row is bad (one transaction)", async () => {
    db = await backend.fresh();
    server = await openDatabaseServer(db.location);
    await migrate(server, "reference");
    const client = server.client();
    const data = readReferenceData();
    // a population row for a municipality that does not exist violates a foreign key, last of all
    data.populations.push({ ...data.populations[0]!, municipalityCode: "GM9999" });
    await expect(seedReference(client, data)).rejects.toThrow();
    expect(await client.prisma.municipality.count()).toBe(0);
    expect(await client.prisma.referenceSource.count()).toBe(0);
  });

  it("updates a changed figure in place", async () => {
    db = await backend.fresh();
    server = await openDatabaseServer(db.location);
    await migrate(server, "reference");
    const client = server.client();
    await seedReference(client);
    const data = readReferenceData();
    data.municipalities[0] = { ...data.municipalities[0]!, name: `${data.municipalities[0]!.name} (renamed)` };
    const counts = await seedReference(client, data);
    expect(counts.updated).toBe(1);
    expect(counts.inserted).toBe(0);
  });
});
