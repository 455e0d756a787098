import { isIPv6 } from "node:net";
import { networkInterfaces, hostname as osHostname } from "node:os";

/** Interface names (not Host headers): which names a browser may use to reach the workbench, and the URLs to print. */
export interface HostPlan {
  /** Lower-case host names and addresses, IPv6 in brackets, without port: what a Host header may name. */
  names: ReadonlySet<string>;
  /** The name printed first: usable from this machine. */
  primary: string;
  /** Further names worth printing (other interfaces of a wildcard bind). */
  others: readonly string[];
}

const WILDCARD = new Set(["0.0.0.0", "::", "[::]"]);
const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/** "::1" -> "[::1]"; names and IPv4 stay as they are. A zone index (fe80::1%eth0) is dropped: browsers cannot send it. */
export function hostLiteral(name: string): string {
  const bare = name.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  return isIPv6(bare) ? `[${bare.toLowerCase()}]` : name.toLowerCase();
}

/** Every address of this machine's interfaces, as Host-header literals; IPv6 only when `v6` is set. */
function interfaceAddresses(v6: boolean): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family === "IPv4" || (v6 && a.family === "IPv6")) out.push(hostLiteral(a.address));
    }
  }
  return out;
}

/**
 * The names a bind address answers to. Loopback binds answer to the loopback names; a wildcard bind
 * (0.0.0.0 or ::) to every interface address and this machine's host name; anything else to itself.
 * `extra` (from --allowed-host) is always added.
 */
export function planHosts(bind: string, extra: readonly string[] = []): HostPlan {
  const b = hostLiteral(bind);
  let names: string[];
  let primary: string;
  if (LOOPBACK_NAMES.includes(b)) {
    names = b === "[::1]" ? ["[::1]", "localhost"] : b === "localhost" ? LOOPBACK_NAMES : ["127.0.0.1", "localhost"];
    primary = b;
  } else if (WILDCARD.has(bind) || b === "[::]") {
    names = [...LOOPBACK_NAMES, ...interfaceAddresses(b === "[::]"), osHostname().toLowerCase()];
    primary = "127.0.0.1";
  } else {
    names = [b];
    primary = b;
  }
  const all = new Set([...names, ...extra.map(hostLiteral)]);
  const others = [...all].filter(
    (n) => n !== primary && !LOOPBACK_NAMES.includes(n) && !n.startsWith("[fe80:") && n.length > 0,
  );
  return { names: all, primary, others };
}

/** Splits a Host header ("[::1]:4477", "example:80", "localhost") into its name and port (absent when omitted). */
export function parseHostHeader(header: string): { name: string; port: number | undefined } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!m?.[1]) return undefined;
  return { name: m[1].toLowerCase(), port: m[2] === undefined ? undefined : Number(m[2]) };
}

/** True when a Host header (or an Origin's host part) names this server: an allowed name and the listening port. */
export function hostAllowed(header: string, names: ReadonlySet<string>, port: number): boolean {
  const h = parseHostHeader(header);
  if (!h) return false;
  return names.has(hostLiteral(h.name)) && (h.port ?? 80) === port;
}

export const urlFor = (name: string, port: number): string => `http://${hostLiteral(name)}:${port}/`;
