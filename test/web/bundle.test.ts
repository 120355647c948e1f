import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildDashboard, bundleSizes, listFiles, WEB_DIST } from "../../scripts/build-web.ts";

describe("the committed dashboard bundle (web/dist)", () => {
  const outDir = mkdtempSync(path.join(tmpdir(), "dashboard-build-"));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("is what building web/ gives now, byte for byte", { timeout: 120_000 }, async () => {
    await buildDashboard(outDir);
    // if this fails: npm run build:web, and commit web/dist
    expect(listFiles(WEB_DIST)).toEqual(listFiles(outDir));
    for (const file of listFiles(outDir)) {
      expect(readFileSync(path.join(WEB_DIST, file)).equals(readFileSync(path.join(outDir, file))), file).toBe(true);
    }
  });

  it("stays small, and names no host but its own", () => {
    const sizes = bundleSizes();
    const gzipped = sizes.reduce((sum, s) => sum + s.gzipped, 0);
    expect(gzipped).toBeLessThan(200 * 1024);
    for (const file of listFiles(WEB_DIST).filter((f) => /\.(html|css)$/.test(f))) {
      expect(readFileSync(path.join(WEB_DIST, file), "utf8"), file).not.toMatch(/https?:\/\//);
    }
  });
});
