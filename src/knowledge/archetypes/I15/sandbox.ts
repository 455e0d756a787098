import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * An execution fleet that runs code other people submit and nobody has reviewed (topic "untrusted-code",
 * knowledge/topics.ts): an online judge running contest submissions against hidden tests, a code runner or
 * playground, CI runners building pull requests from strangers, a notebook's cells. The code is hostile until proven
 * otherwise, so isolation is part of correctness, not a deployment detail: a submission reaches no network, no host
 * file or process and no other submission, and it is stopped at its CPU time, memory, process and output limits,
 * which are themselves results (time limit, memory limit). Each submission is queued, taken by a sandbox worker from a
 * per-language image kept warm, run against its test cases, and ends in exactly one verdict, which the submitter polls
 * or is pushed. A run retried after a worker dies is another attempt of the same submission, fenced by its attempt
 * number, so the submission still gets one verdict.
 *
 * Facts, checked against primary sources:
 * - gVisor README ("Why does gVisor exist?"): containers are not a sandbox; running untrusted or potentially malicious
 *   code without additional isolation is not a good idea. gVisor is a user-space application kernel written in Go
 *   with an OCI runtime, `runsc`, that stands between the application and the host kernel.
 * - Firecracker SPECIFICATION.md: the virtual machine manager starts within 8 CPU ms (wall clock typically around
 *   12 ms, spread 6 to 60 ms), and going from the InstanceStart call to the guest's /sbin/init takes at most 125 ms for
 *   a 2-vCPU, 256 MiB microVM; its README says microVMs start user-space code in under 150 ms, with KVM isolation.
 * Planning figures (a judge run's seconds, sandboxes per host) are assumptions, said as such in their rows.
 */

const T = "untrusted-code" as const;

export const SANDBOX_ENTITIES = [
  {
    name: "Submission",
    description:
      "One piece of untrusted code to run: submission id (the idempotency key), user, problem, language, source, state (queued, running, judged), attempt number and the final verdict.",
    truth: true,
    topic: T,
  },
  {
    name: "Verdict",
    description:
      "The result of a submission on one test case (accepted, wrong answer, time limit, memory limit, runtime error, compile error) with the time and memory used, written once per submission and test under the attempt that ran it.",
    truth: true,
    topic: T,
  },
  {
    name: "Problem",
    description:
      "What submitted code is checked against: statement, allowed languages, and the limits every run gets (CPU time, wall time, memory, processes, output bytes); a CI pipeline's job definition plays the same part.",
    truth: true,
    topic: T,
  },
  {
    name: "TestCase",
    description:
      "One hidden input with its expected output (or a checker program) for a Problem, versioned with it and never shown to submitters; a run reads it from a read-only mount.",
    truth: true,
    topic: T,
  },
] as const;

export const SANDBOX_WRITES = [
  {
    action:
      "accept a submission under its submission id, store the source, and enqueue it for its language, so a retried submit queues it once",
    entity: "Submission",
    shape: "create target",
    mechanism: "idempotency-key",
    critical: true,
    topic: T,
  },
  {
    action:
      "a sandbox worker takes a queued submission with an attempt number, compiles and runs it in a fresh sandbox from the language's image with no network, a read-only root, and cgroup limits on CPU time, memory, processes and output, then discards the sandbox",
    entity: "Submission",
    shape: "state transition",
    mechanism: "sandbox-isolation",
    critical: true,
    topic: T,
  },
  {
    action:
      "record each test's verdict and the submission's final verdict only when the report carries the submission's current attempt number, so a run retried after a worker crash yields one verdict",
    entity: "Verdict",
    shape: "create target",
    mechanism: "fencing-token",
    critical: true,
    topic: T,
  },
  {
    action:
      "define a problem and the limits every run of it gets (CPU time, wall time, memory, processes, output bytes), under a version check",
    entity: "Problem",
    shape: "overwrite current value",
    mechanism: "versioned-overwrite",
    topic: T,
  },
  {
    action: "publish a problem's test cases as a new version, read-only to every sandbox",
    entity: "TestCase",
    shape: "create target",
    mechanism: "versioned-overwrite",
    topic: T,
  },
] as const;

export const SANDBOX_READS = [
  {
    action: "the submitter polls the submission's state and verdict, or is pushed it when judging ends",
    entity: "Submission",
    shape: "read source",
    staleness: "none: the verdict is read from the submission record the judge wrote",
    topic: T,
  },
] as const;

export const SANDBOX_INVARIANTS = [
  "A Submission's code reaches no network, no host file or process and no other Submission, because each run gets a fresh sandbox with no network interface, a read-only root and its own user-space kernel or microVM, destroyed after the run.",
  "A Submission never uses more than its Problem's CPU time, memory, process count or output bytes: the sandbox's cgroup limits stop it, and reaching a limit is its Verdict (time limit, memory limit), never a slower neighbour.",
  "A Submission gets exactly one final Verdict: a run retried after a worker crash is a new attempt of the same Submission, and only the current attempt's results are recorded.",
];

export const SANDBOX_FAILURES = [
  {
    failure:
      "Sandbox escape: a submission exploits a host kernel bug through a plain container and reads other submissions or the test cases",
    role: "truth",
    prevention:
      "Run each submission under a user-space kernel (gVisor) or in a microVM (Firecracker) with a tight seccomp filter, no network and no host mounts but the read-only tests, on hosts that hold no secrets",
    repair:
      "Drain and rebuild the affected hosts, rotate anything they held, and rejudge the submissions they ran on clean hosts",
    topic: T,
  },
  {
    failure:
      "Fork bomb or output flood: a submission spawns processes or writes gigabytes and starves the other sandboxes on its host",
    role: "coordination",
    prevention:
      "A process-count limit, a memory limit and an output cap in each sandbox's cgroup, and a wall-clock kill beside the CPU-time limit",
    repair: "Kill the sandbox at its limit and record the limit verdict; the other sandboxes keep their own limits",
    topic: T,
  },
  {
    failure:
      "A worker dies mid-run and the submission is run again, so it would get two verdicts, or none if nobody retries",
    role: "coordination",
    prevention:
      "A submission taken from the queue has a lease and an attempt number; only the current attempt's verdicts are recorded",
    repair:
      "When the lease lapses the submission is queued again under a higher attempt, and a late report from the old one is dropped",
    topic: T,
  },
] as const;

export const SANDBOX_COMPONENTS: ComponentSpec[] = [
  {
    id: "submission-queue",
    name: "Submission queue (one per language)",
    kind: "log",
    runs: ["enqueue submission", "lease to a sandbox worker", "requeue an expired lease"],
    because:
      "submissions arrive in bursts (a contest's last minutes), so they wait in a queue per language and each is leased to one worker at a time",
    topic: T,
  },
  {
    id: "problem-store",
    name: "Problem and test case store (read-only to sandboxes)",
    kind: "store",
    holds: ["Problem", "TestCase"],
    runs: ["publish a test version", "serve tests read-only"],
    because: "hidden test cases are mounted read-only into each run and never leave the judge",
    topic: T,
  },
  {
    id: "submission-store",
    name: "Submission and verdict store",
    kind: "store",
    holds: ["Submission", "Verdict"],
    runs: ["insert submission if absent", "record verdict for the current attempt"],
    because:
      "the submission and its verdicts are the user-facing truth, written once per attempt-checked report and read by polls",
    topic: T,
  },
];

export const SANDBOX_LINKS: LinkSpec[] = [
  { from: "control-api", to: "submission-store", kind: "request", label: "insert submission", topic: T },
  { from: "control-api", to: "submission-queue", kind: "stream", label: "enqueue by language", topic: T },
  { from: "submission-queue", to: "workers", kind: "stream", label: "lease submission", topic: T },
  { from: "problem-store", to: "workers", kind: "request", label: "read-only tests", topic: T },
  { from: "workers", to: "submission-store", kind: "callback", label: "verdicts with attempt", topic: T },
];

export const SANDBOX_API: ApiSpec[] = [
  {
    operation: "submit code",
    call: "POST /v1/submissions",
    request: ["submission_id", "problem_id", "language", "source"],
    response: ["submission_id", "state"],
    errors: ["400 unsupported language", "413 source too large", "429 rate limited"],
    guarantee: "a repeated submission id returns the same submission, which is judged once and gets one verdict",
    topic: T,
  },
  {
    operation: "read verdict",
    call: "GET /v1/submissions/{submission_id}",
    request: ["submission_id"],
    response: ["state", "verdict", "per-test verdicts", "time and memory used"],
    errors: ["404 unknown submission"],
    guarantee: "from the submission store; the final verdict never changes once written",
    topic: T,
  },
];

export const SANDBOX_DATA: DataSpec[] = [
  {
    entity: "Submission",
    key: ["submission_id"],
    fields: ["user_id", "problem_id", "language", "source_ref", "state", "attempt", "verdict"],
    indexes: ["(user_id, created_at)", "(problem_id, verdict)"],
    partitionKey: "submission_id",
    owner: "submission-store",
    topic: T,
  },
  {
    entity: "Verdict",
    key: ["submission_id", "test_id"],
    fields: ["attempt", "result", "cpu_ms", "memory_kb"],
    indexes: [],
    partitionKey: "submission_id",
    owner: "submission-store",
    topic: T,
  },
  {
    entity: "Problem",
    key: ["problem_id"],
    fields: ["languages", "cpu_ms_limit", "memory_mb_limit", "process_limit", "output_kb_limit", "test_version"],
    indexes: [],
    owner: "problem-store",
    topic: T,
  },
  {
    entity: "TestCase",
    key: ["problem_id", "test_version", "test_id"],
    fields: ["input_ref", "expected_ref or checker"],
    indexes: [],
    owner: "problem-store",
    topic: T,
  },
];

export const SANDBOX_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Judge a submission in a fresh sandbox",
    notation:
      "clients>control-api[submit code with submission id {no Submission with this id}] -> control-api>submission-store[insert queued submission] -> control-api>submission-queue[enqueue by language] -> control-api>clients[submission id] -> submission-queue>workers[lease submission with attempt number] -> workers[compile and run each test in a fresh sandbox, no network, cgroup limits {within CPU time, memory, process and output limits}] -> workers>submission-store[record verdicts {Submission.attempt = current}] |-> submission-queue>workers[requeue under a higher attempt {lease expired}] => done | retry | reject",
    topic: T,
  },
];

/** A judge run's seconds and the sandboxes one host holds: the concurrent sandboxes and hosts follow. */
export const SANDBOX_CAPACITY: Pick<CapacityModel, "inputs"> = {
  inputs: [
    {
      quantity: "task_seconds",
      typical: 10,
      why: "a judge run compiles once and runs a few dozen tests under a limit of a second or two each, about 10 seconds in all",
    },
    {
      quantity: "slots_per_worker",
      typical: 16,
      why: "a 32-core host runs about 16 sandboxes at 2 vCPUs each, since every run gets whole cores for fair timing",
    },
  ],
};

export const SANDBOX_DECISIONS: DecisionPoint[] = [
  {
    id: "i15-sandbox-isolation",
    topic: T,
    question:
      "Isolate each untrusted run with hardened containers, a user-space kernel (gVisor), or a microVM (Firecracker)?",
    options: [
      {
        id: "hardened-container",
        name: "containers hardened with seccomp, namespaces, cgroups and no network (nsjail style)",
        buys: "the fastest start and the most runs per host",
        costs:
          "every run shares the host kernel, so one kernel bug reachable through the allowed system calls is an escape",
        winsWhen: "the code is trusted or only semi-trusted (an internal CI)",
      },
      {
        id: "gvisor",
        name: "a user-space kernel (gVisor runsc) between each run and the host kernel",
        buys: "hostile code talks to gVisor's kernel, not the host's, and it runs as an OCI runtime under the same images",
        costs: "system-call-heavy code (compilers, file I/O) runs slower, and some Linux calls are not implemented",
        winsWhen: "anyone can submit code and runs are short and CPU-bound",
        implies: { preferTechnology: ["gVisor (runsc)"] },
      },
      {
        id: "firecracker",
        name: "a Firecracker microVM per run, restored from a snapshot of a warm language image",
        buys: "hardware virtualisation isolates each run, and a microVM boots in about 125 ms",
        costs: "needs KVM on bare metal or nested virtualisation, and memory per run is higher than a container's",
        winsWhen: "runs are long or need a full Linux (CI builds, notebooks), or tenants pay for stronger isolation",
        implies: { preferTechnology: ["Firecracker microVMs"] },
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:ci|continuous integration|builds?|build runners?|pull requests?|notebooks?|jupyter|long[- ]running|full (?:linux|vms?|virtual machines?)|docker builds?)\b`,
          },
        ],
        option: "firecracker",
        because:
          "builds and notebooks run for minutes and need a full Linux (package installs, Docker, many system calls), which a microVM gives with its own kernel",
      },
    ],
    fallback: {
      option: "gvisor",
      because:
        "anyone can submit code, so a shared host kernel is not a sandbox, and short CPU-bound runs fit a user-space kernel under the same container images",
    },
  },
];

/** What a design running untrusted code must draw and must not (coherence `untrusted-code-shape`). */
export const SANDBOX_SHAPE = {
  entities: ["Submission", "Verdict"],
  isolation: /\bno network\b/i,
  /** Residue of a cron scheduler, a config rollout and a function-invocation platform. */
  residue:
    /\b(?:Materializer|recurring schedules?|Rollout controller|POST \/v1\/functions|Invocation router|AWS Lambda)\b/i,
} as const;
