// The load client of the endpoint rows of bench/speed.ts, run as its own process so its CPU time is its own and
// the bench's measurement code does not share an event loop with it. Plain node:http with keep-alive connections
// (one per client), each client sending its next request when the last answer has been read; the answer's bytes
// are counted, not decoded or kept. Reads {url, prompts, total, clients} as JSON on stdin, writes one JSON line:
// requests per second, latency percentiles, the client's own CPU time per request and any failures.
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

interface Job {
  url: string;
  prompts: string[];
  total: number;
  clients: number;
}

const chunks: Buffer[] = [];
for await (const c of process.stdin) chunks.push(c as Buffer);
const job = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Job;
const target = new URL(`${job.url}api/design`);
const origin = `${target.protocol}//${target.host}`;
const agent = new Agent({ keepAlive: true, maxSockets: job.clients });

/** One POST, resolved with the answer's byte count once it has been read whole. */
function post(body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": body.length, origin },
      },
      (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => {
          bytes += c.length;
        });
        res.on("end", () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`HTTP ${res.statusCode}`))));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const bodies = job.prompts.map((prompt) => Buffer.from(JSON.stringify({ prompt })));
const latencies: number[] = [];
let next = 0;
let failures = 0;
let firstFailure = "";
let bytes = 0;
const client = async () => {
  while (next < job.total) {
    const i = next++;
    const t = performance.now();
    try {
      const answered = await post(bodies[i % bodies.length] as Buffer);
      bytes += answered; // after the await: `bytes += await …` would add to the total read before it
      latencies.push(performance.now() - t);
    } catch (e) {
      failures++;
      firstFailure ||= (e as Error).message;
    }
  }
};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await Promise.all(Array.from({ length: job.clients }, client));
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
agent.destroy();
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
process.stdout.write(
  `${JSON.stringify({
    rps: job.total / seconds,
    p50: pct(50),
    p99: pct(99),
    clientCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / job.total,
    bytesPerAnswer: bytes / Math.max(1, latencies.length),
    failures,
    firstFailure,
  })}\n`,
);
