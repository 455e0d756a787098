import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { z } from "zod";
import { hostAllowed } from "./hosts.js";
import { zodMessage } from "./text.js";

/** The request-edge rules in one place: who may call (Host, Origin), what they may send (size, type), how errors look. */

export const MAX_BODY_BYTES = 512 * 1024;

/** Where the server is reachable; filled in once the port is known (port 0 binds a free one). */
export interface Reach {
  names: ReadonlySet<string>;
  port: number;
}

/** An error answered to the client as `{ error }` with its status; thrown by routes and guards. */
export const fail = (status: 400 | 403 | 404 | 413 | 415, message: string): HTTPException =>
  new HTTPException(status, { message });

/** Answers only to the names this server was started for (DNS-rebinding defence). */
export const hostGuard = (reach: Reach): MiddlewareHandler => {
  const allowed = hostCheck(reach);
  return async (c, next) => {
    const host = c.req.header("host") ?? "";
    if (!allowed(host)) throw fail(403, `host '${host}' is not served here`);
    await next();
  };
};

/** Whether a Host header names this server (the check hostGuard makes), remembering the last value allowed. */
export const hostCheck = (reach: Reach): ((host: string) => boolean) =>
  lastAllowed(reach, (host) => hostAllowed(host, reach.names, reach.port));

/**
 * A check of a header against where the server is reachable, remembering the last value it allowed and the port
 * it was allowed for: a client sends the same Host and Origin on every request, so most requests are checked by one
 * comparison. A refused value is never remembered, and a value allowed before the port was bound is asked again.
 */
function lastAllowed(reach: Reach, check: (value: string) => boolean): (value: string) => boolean {
  let last: string | undefined;
  let lastPort = Number.NaN;
  return (value) => {
    if (value === last && reach.port === lastPort) return true;
    if (!check(value)) return false;
    last = value;
    lastPort = reach.port;
    return true;
  };
}

/**
 * Refuses state changes from another site. hono's `csrf` only inspects form-like content types (JSON needs a
 * CORS preflight this server never grants), so this guard checks every unsafe method, whatever its body:
 * an Origin header, when sent, must name this server, and a browser's Sec-Fetch-Site must not be cross-site.
 */
export const originGuard = (reach: Reach): MiddlewareHandler => {
  const allowed = originCheck(reach);
  return async (c, next) => {
    if (!["GET", "HEAD", "OPTIONS"].includes(c.req.method)) {
      if (!allowed(c.req.header("origin"), c.req.header("sec-fetch-site")))
        throw fail(403, "cross-origin requests may not change the workbench");
    }
    await next();
  };
};

/**
 * Whether a request that changes something may come from where it says (the check originGuard makes for every
 * method but GET, HEAD and OPTIONS): its Origin and Sec-Fetch-Site headers, undefined when not sent.
 */
export const originCheck = (reach: Reach): ((origin: string | undefined, site: string | undefined) => boolean) => {
  const allowed = lastAllowed(reach, (origin) => {
    try {
      const u = new URL(origin);
      return u.protocol === "http:" && hostAllowed(u.host, reach.names, reach.port);
    } catch {
      return false;
    }
  });
  return (origin, site) =>
    (site === undefined || site === "same-origin" || site === "none") && (origin === undefined || allowed(origin));
};

/** Security headers and the CSP: no inline scripts, nothing framed, nothing loaded from elsewhere. */
const SECURITY_OPTIONS: Parameters<typeof secureHeaders>[0] = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  // Plain HTTP on a local port: HSTS would only be ignored or, on a shared name, harm other services.
  strictTransportSecurity: false,
};

/**
 * The headers hono's `secureHeaders` sets with these options (its defaults included), names lower-case: learnt once
 * by running it on a stand-in response, so the list is hono's and is not written out again here.
 */
let securityHeaders: Readonly<Record<string, string>> | undefined;
const learnt = (async () => {
  const set: Record<string, string> = {};
  const res = { headers: { set: (k: string, v: string) => (set[k.toLowerCase()] = v), has: () => false, delete() {} } };
  await secureHeaders(SECURITY_OPTIONS)({ res } as unknown as Context, async () => {});
  securityHeaders = set;
})();

/** Responses made by plainAnswer: their headers are complete already. */
const PLAIN = new WeakSet<Response>();

/**
 * Sets the security headers on every response (as `secureHeaders` does, after the route) but a plainAnswer's, which
 * carries them already.
 */
export const headers = (): MiddlewareHandler => async (c, next) => {
  if (securityHeaders === undefined) await learnt;
  const secure = securityHeaders ?? {};
  await next();
  if (PLAIN.has(c.res)) return;
  const h = c.res.headers;
  for (const k in secure) h.set(k, secure[k] as string);
  h.delete("X-Powered-By");
};

/**
 * A 200 answer of ready bytes with the security headers and its type in one plain record, sorted as a Headers
 * object lists them, then its length, so the bytes on the wire are the same. @hono/node-server writes a plain record
 * straight to the socket; setting each header on a finished response made it build a Headers object first (the
 * middleware, undici's `Headers.set` and the record built back from it: ~17% of a kept design's profile).
 */
export function plainAnswer(bytes: Uint8Array<ArrayBuffer>, contentType: string): Response {
  const headers = plainHeaders(bytes, contentType);
  if (headers === undefined) return new Response(bytes, { status: 200, headers: { "content-type": contentType } });
  const res = new Response(bytes, { status: 200, headers });
  PLAIN.add(res);
  return res;
}
const plainRecords = new Map<string, Record<string, string>>();

/**
 * The headers of a plainAnswer of these bytes, as the record written to the socket (undefined until the security
 * headers are learnt): one frozen record per answer kept, since a kept answer's bytes are one object for its life.
 */
export function plainHeaders(
  bytes: Uint8Array<ArrayBuffer>,
  contentType: string,
): Readonly<Record<string, string>> | undefined {
  if (securityHeaders === undefined) return undefined;
  const known = plainHeadersOf.get(bytes);
  if (known !== undefined && known["content-type"] === contentType) return known;
  let record = plainRecords.get(contentType);
  if (record === undefined) {
    const all: Record<string, string> = { ...securityHeaders, "content-type": contentType };
    record = {};
    for (const k of Object.keys(all).sort()) record[k] = all[k] as string;
    plainRecords.set(contentType, record);
  }
  // the length stated after them, where Node put it before
  const headers = Object.freeze({ ...record, "Content-Length": String(bytes.byteLength) });
  plainHeadersOf.set(bytes, headers);
  return headers;
}
const plainHeadersOf = new WeakMap<Uint8Array, Readonly<Record<string, string>>>();

/**
 * Refuses bodies over MAX_BODY_BYTES. A request that states its length (Content-Length, not chunked) is judged by
 * that header alone, as hono's `bodyLimit` judges it, but without touching the request's web body stream: that
 * would build a full Request with a stream around the socket, where the route's `c.req.json()` reads the bytes
 * straight from it (@hono/node-server). Any other request (chunked, or with no stated length) is counted by
 * hono's `bodyLimit` as it arrives.
 */
export const limitBody = (): MiddlewareHandler => {
  const tooLarge = () => {
    throw fail(413, `request body is larger than ${MAX_BODY_BYTES} bytes`);
  };
  const counted = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header("content-length");
    if (
      length === undefined ||
      c.req.method === "GET" ||
      c.req.method === "HEAD" ||
      c.req.header("transfer-encoding") !== undefined
    )
      return counted(c, next);
    if (Number.parseInt(length, 10) > MAX_BODY_BYTES) tooLarge();
    await next();
  };
};

/** A Content-Type header's media type, lower-case, without its parameters ("" when there is none). */
export const mediaType = (header: string | undefined): string =>
  (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

/** Reads a JSON body and checks it against `schema`: 415 without a JSON content type, 400 when unparsable or invalid. */
export async function jsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  what = "the body",
  prefix = "",
): Promise<z.output<S>> {
  const type = mediaType(c.req.header("content-type"));
  if (type !== "application/json")
    throw fail(415, `send ${what} as JSON with 'Content-Type: application/json' (got '${type || "none"}')`);
  let value: unknown;
  try {
    value = await c.req.json();
  } catch (e) {
    if (e instanceof HTTPException) throw e;
    throw fail(400, `${what} is not valid JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fail(400, `${prefix}${zodMessage(parsed.error)}`);
  return parsed.data;
}

const isSqliteError = (e: unknown): e is Error & { code: string } =>
  e instanceof Error && /^SQLITE_/.test(String((e as Error & { code?: unknown }).code));

/** Every error leaves as JSON: expected ones with their status, store failures as 503/500 naming the cause. */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof HTTPException) {
    if (err.res && !err.message) return err.res;
    return c.json({ error: err.message || "request refused" }, err.status);
  }
  if (isSqliteError(err)) {
    const busy = err.code.startsWith("SQLITE_BUSY") || err.code.startsWith("SQLITE_LOCKED");
    return c.json({ error: `the session store failed (${err.code}): ${err.message}`, retry: busy }, busy ? 503 : 500);
  }
  process.stderr.write(`mechsd: internal error on ${c.req.method} ${c.req.path}: ${err.message}\n`);
  return c.json({ error: "internal error; the server log has the details" }, 500);
};

export const notFound: NotFoundHandler = (c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404);
