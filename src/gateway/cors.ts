// Which web pages may call the gateway from a browser (CORS): the gateway's own origin, pages served
// from this machine (localhost, 127.0.0.1, [::1], any port: portal development), and the origins
// configured in CORS_ORIGINS. Any other origin gets no CORS headers at all, so a browser will not let
// its page read an answer, and never `access-control-allow-credentials`.

export interface CorsPolicy {
  /** exact origins allowed besides the gateway's own and localhost's, e.g. https://portal.example.nl; "*": any (no credentials) */
  origins: string[];
}

const LOCAL = /^https?:\/\/(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

/** Is a page of `origin` allowed to call the gateway that received `request`? */
export function originAllowed(origin: string, request: Request, policy: CorsPolicy): boolean {
  if (LOCAL.test(origin) || policy.origins.includes(origin)) return true;
  const host = request.headers.get("host");
  // same origin: the page was served by this gateway (scheme as the request came in)
  return host !== null && (origin === `http://${host}` || origin === `https://${host}`);
}

/** The gateway runtime's `cors` option. */
export function corsOption(policy: CorsPolicy) {
  return (request: Request) => {
    const origin = request.headers.get("origin");
    if (!origin) return false as const;
    if (originAllowed(origin, request, policy)) return { origin: [origin], credentials: true, maxAge: 600 };
    // "*" lets any page read public data, but never with the viewer's credentials
    if (policy.origins.includes("*")) return { origin: [origin], credentials: false, maxAge: 600 };
    return false as const;
  };
}
