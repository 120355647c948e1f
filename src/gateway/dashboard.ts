// Serves the partner dashboard (the prebuilt bundle in web/dist) at / beside GraphQL at /graphql: the
// page itself, never cached for long so a new build shows at once, and its hashed assets, cached for a
// year. Only GET and HEAD of / and /assets/… are taken; everything else goes on to the GraphQL runtime.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import type http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { projectFile } from "../common/project-root.ts";

export const DASHBOARD_DIR = projectFile("web", "dist");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".topojson": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

// The page may load and send to nothing but this server; Plot styles its charts with inline <style>.
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

interface StaticFile {
  body: Buffer;
  gzipped: Buffer | null;
  etag: string;
  contentType: string;
}

export interface DashboardHandler {
  /** Answers the request when it is for the dashboard and returns true; false leaves it to the caller. */
  (req: http.IncomingMessage, res: http.ServerResponse): boolean;
}

/**
 * A handler for the dashboard built into `dir`. Files are kept in memory (the bundle is small) and read
 * again when they change on disk, so a rebuild shows without a restart.
 */
export function dashboardHandler(dir: string = DASHBOARD_DIR): DashboardHandler {
  const root = path.resolve(dir);
  const files = new Map<string, StaticFile & { version: string }>();

  const load = (file: string): StaticFile | null => {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    const version = `${stat.size}:${stat.mtimeMs}`;
    const cached = files.get(file);
    if (cached?.version === version) return cached;
    const body = readFileSync(file);
    const contentType = CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream";
    const compressible = /^(text\/|application\/json|image\/svg)/.test(contentType) && body.length > 1024;
    const entry = {
      version,
      body,
      gzipped: compressible ? gzipSync(body, { level: 9 }) : null,
      etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
      contentType,
    };
    files.set(file, entry);
    return entry;
  };

  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const pathname = (req.url ?? "/").split("?")[0]!;
    const isPage = pathname === "/" || pathname === "/index.html";
    if (!isPage && !pathname.startsWith("/assets/")) return false;

    const file = isPage ? path.join(root, "index.html") : resolveAsset(root, pathname);
    const entry = file ? load(file) : null;
    if (!entry) {
      notFound(res, isPage);
      return true;
    }
    const headers: Record<string, string> = {
      "content-type": entry.contentType,
      etag: entry.etag,
      // asset names carry a hash of their content: they never change, so they may be kept for good
      "cache-control": isPage ? "no-cache" : "public, max-age=31536000, immutable",
      vary: "accept-encoding",
      ...(isPage ? SECURITY_HEADERS : { "x-content-type-options": "nosniff" }),
    };
    if (req.headers["if-none-match"] === entry.etag) {
      res.writeHead(304, headers).end();
      return true;
    }
    const gzip = entry.gzipped && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? entry.gzipped! : entry.body;
    res.writeHead(200, {
      ...headers,
      ...(gzip ? { "content-encoding": "gzip" } : {}),
      "content-length": String(body.length),
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}

/**
 * The file under root/assets that a request path names, or null when it names none: percent-decoding
 * that fails, NUL bytes, backslashes and any path that would leave the assets folder are refused.
 */
export function resolveAsset(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const assets = path.join(root, "assets");
  const file = path.resolve(root, "." + path.posix.normalize(decoded));
  return file.startsWith(assets + path.sep) ? file : null;
}

function notFound(res: http.ServerResponse, isPage: boolean): void {
  const message = isPage
    ? "The dashboard is not built: run `npm run build:web` (GraphQL is at /graphql)."
    : "No such file.";
  res
    .writeHead(404, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...SECURITY_HEADERS })
    .end(`<!doctype html><html lang="en"><title>Not found</title><h1>Not found</h1><p>${message}</p></html>`);
}
