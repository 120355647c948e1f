import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../../src/common/http.ts";
import { dashboardHandler, resolveAsset } from "../../src/gateway/dashboard.ts";

/** A raw GET that sends the path exactly as given (fetch would normalise "/assets/../x"). */
function get(port: number, pathname: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathname, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the dashboard's static files (src/gateway/dashboard.ts)", () => {
  let dir: string;
  let server: http.Server;
  let port: number;
  const script = "console.log('dashboard');\n".repeat(100);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "dashboard-static-"));
    mkdirSync(path.join(dir, "dist/assets"), { recursive: true });
    writeFileSync(path.join(dir, "dist/index.html"), "<!doctype html><title>dashboard</title>");
    writeFileSync(path.join(dir, "dist/assets/index-abc123.js"), script);
    writeFileSync(path.join(dir, "dist/assets/regions-abc123.topojson"), '{"type":"Topology"}');
    writeFileSync(path.join(dir, "secret.txt"), "outside the bundle");
    const handler = dashboardHandler(path.join(dir, "dist"));
    server = http.createServer((req, res) => {
      if (!handler(req, res)) res.writeHead(418).end("not the dashboard's");
    });
    ({ port } = await listen(server, 0, "127.0.0.1"));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the page at / with a content type, no long caching and a policy that keeps it on this server", async () => {
    const res = await get(port, "/");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["content-security-policy"]).toContain("connect-src 'self'");
    expect(res.body.toString()).toContain("<title>dashboard</title>");
    expect((await get(port, "/index.html?lang=nl")).status).toBe(200);
  });

  it("serves hashed assets with their content type, cached for a year, gzipped when asked, 304 on a match", async () => {
    const res = await get(port, "/assets/index-abc123.js", { "accept-encoding": "gzip, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(res.body).toString()).toBe(script);
    const topojson = await get(port, "/assets/regions-abc123.topojson");
    expect(topojson.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(topojson.headers["content-encoding"]).toBeUndefined();
    const again = await get(port, "/assets/index-abc123.js", { "if-none-match": res.headers.etag! });
    expect(again.status).toBe(304);
    const head = await get(port, "/assets/index-abc123.js", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(script.length));
    expect(head.body.length).toBe(0);
  });

  it("answers 404 for missing assets and never serves a file outside the bundle's assets", async () => {
    for (const attempt of [
      "/assets/missing.js",
      "/assets/../index.html",
      "/assets/../../secret.txt",
      "/assets/%2e%2e/%2e%2e/secret.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/assets/..%5c..%5csecret.txt",
      "/assets/%00index-abc123.js",
      "/assets/%E0%A4%A",
      "/assets/",
    ]) {
      const res = await get(port, attempt);
      expect(res.status, attempt).toBe(404);
      expect(res.headers["content-type"], attempt).toBe("text/html; charset=utf-8");
      expect(res.body.toString(), attempt).not.toContain("outside the bundle");
    }
    expect(resolveAsset("/srv/dist", "/assets/a/b.js")).toBe("/srv/dist/assets/a/b.js");
    expect(resolveAsset("/srv/dist", "/assets/../../etc/passwd")).toBeNull();
  });

  it("leaves every other request to the GraphQL runtime", async () => {
    expect((await get(port, "/graphql")).status).toBe(418);
    expect((await get(port, "/healthcheck")).status).toBe(418);
    expect((await get(port, "/secret.txt")).status).toBe(418);
    expect((await get(port, "/", {}, "POST")).status).toBe(418);
  });

  it("says how to build the dashboard when it is not built", async () => {
    const handler = dashboardHandler(path.join(dir, "nowhere"));
    const other = http.createServer((req, res) => void handler(req, res));
    const { port: otherPort } = await listen(other, 0, "127.0.0.1");
    try {
      const res = await get(otherPort, "/");
      expect(res.status).toBe(404);
      expect(res.body.toString()).toContain("npm run build:web");
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
