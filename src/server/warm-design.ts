import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { AnswerCache } from "./design-cache.js";
import { hostCheck, MAX_BODY_BYTES, mediaType, originCheck, plainHeaders, type Reach } from "./edge.js";
import { DesignBody } from "./routes/design.js";

/**
 * A repeated `POST /api/design` answered before the web layer: the request's headers pass the same checks as the
 * edge's middleware (Host, Origin and Sec-Fetch-Site, a stated length within the limit, a JSON content type), its
 * body passes the route's schema, and the answer kept for it (design-cache.ts) is written with the headers the
 * route's plainAnswer gives it. Going through hono and @hono/node-server for such a request built a web Request,
 * a Context, the middleware chain's promises and a Response around bytes already made: ~25 KB of short-lived
 * objects a request, which made the server collect its young generation every ~60 warm requests, each collection
 * pausing all 16 clients' requests at once (bench/NOTES.md, 2026-12-02).
 *
 * Anything else (another route or method, a header that would be refused or that is sent twice, a chunked body,
 * an invalid body, an answer not kept yet) goes on to `next`, the web layer, with the body it has read handed over
 * as `rawBody` (which @hono/node-server reads instead of the socket), so refusals and first answers are the web
 * layer's own.
 */
export function warmDesign(
  next: RequestListener,
  cache: AnswerCache,
  reach: Reach,
  counter: { enter(): void; leave(): void },
): RequestListener {
  const hostAllowed = hostCheck(reach);
  const originAllowed = originCheck(reach);
  return (req, res) => {
    if (req.method !== "POST" || req.url !== "/api/design") return next(req, res);
    const h = headersOnce(req.rawHeaders);
    if (
      h === undefined ||
      h.length === undefined ||
      h.chunked ||
      !(Number.parseInt(h.length, 10) <= MAX_BODY_BYTES) ||
      mediaType(h.type) !== "application/json" ||
      !hostAllowed(h.host ?? "") ||
      !originAllowed(h.origin, h.site)
    )
      return next(req, res);
    counter.enter();
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      counter.leave();
    };
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.once("close", leave);
    req.once("end", () => {
      leave();
      const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      const json = keptAnswer(raw, cache);
      if (json === undefined) {
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
        next(req, res);
        return;
      }
      const headers = plainHeaders(json, "application/json");
      if (headers === undefined) {
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
        next(req, res);
        return;
      }
      (res as ServerResponse).writeHead(200, headers);
      res.end(json);
    });
  };
}

/** The answer kept for a body the route would accept, or undefined (not JSON, not valid, or not answered yet). */
function keptAnswer(raw: Buffer, cache: AnswerCache): Uint8Array<ArrayBuffer> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
  const body = DesignBody.safeParse(value);
  return body.success ? cache.get(body.data.prompt, body.data.overrides) : undefined;
}

interface CheckedHeaders {
  host?: string;
  origin?: string;
  site?: string;
  type?: string;
  length?: string;
  chunked: boolean;
}

/**
 * The headers the checks read, from the request's raw list; undefined when one of them is sent twice (node:http
 * keeps the first Host and Content-Type where the web layer's Headers joins them, so such a request is left to it).
 */
function headersOnce(raw: readonly string[]): CheckedHeaders | undefined {
  const h: CheckedHeaders = { chunked: false };
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    switch (name.length) {
      case 4:
        if (name.toLowerCase() !== "host") break;
        if (h.host !== undefined) return undefined;
        h.host = value;
        break;
      case 6:
        if (name.toLowerCase() !== "origin") break;
        if (h.origin !== undefined) return undefined;
        h.origin = value;
        break;
      case 12:
        if (name.toLowerCase() !== "content-type") break;
        if (h.type !== undefined) return undefined;
        h.type = value;
        break;
      case 14: {
        const lower = name.toLowerCase();
        if (lower === "content-length") {
          if (h.length !== undefined) return undefined;
          h.length = value;
        } else if (lower === "sec-fetch-site") {
          if (h.site !== undefined) return undefined;
          h.site = value;
        }
        break;
      }
      case 17:
        if (name.toLowerCase() === "transfer-encoding") h.chunked = true;
        break;
    }
  }
  return h;
}
