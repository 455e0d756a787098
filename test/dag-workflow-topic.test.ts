import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.technology, d.primaryState]);
const shape = (d: ReturnType<typeof design>) => checkCoherence(d).filter((p) => p.rule === "dag-workflow-shape");

describe("a DAG scheduler runs dependent tasks once at a time, with retries, on the metadata database", () => {
  const airflow = design(
    "Design a workflow scheduler like Airflow that runs 100,000 batch jobs a day as DAGs with dependencies, retries failed tasks, and never runs two copies of the same task at once",
  );
  const paraphrases = [
    design(
      "Design a data pipeline orchestrator like Dagster where each pipeline is a graph of steps and a step starts only after the steps it depends on succeed",
    ),
    design(
      "Build a system that runs ETL jobs with dependencies on a schedule, retries failures with backoff, and lets operators backfill a month of runs",
    ),
  ];
  const temporal = design(
    "Design a durable workflow engine like Temporal that runs 1 million long-running workflows with activities and timers",
  );

  it("is led by the due-time scheduler with the DAG subject, and a durable workflow engine keeps its own", () => {
    for (const d of [airflow, ...paraphrases]) {
      expect(d.archetypes.map((a) => a.id)).toEqual(["I03"]);
      expect(d.nfrs.topics).toContain("dag-workflow");
    }
    expect(temporal.archetypes[0]?.id).toBe("I12");
    expect(temporal.nfrs.topics ?? []).not.toContain("dag-workflow");
    expect(temporal.dataModel.some((m) => m.entity === "TaskInstance")).toBe(false);
  });

  it("draws DAG runs and task instances, one running try, upstream gating and row locks, and no payment or Temporal parts", () => {
    for (const e of ["Dag", "DagRun", "TaskInstance", "Pool"])
      expect(airflow.dataModel.map((m) => m.entity)).toContain(e);
    const rules = airflow.invariants.map((i) => i.statement).join("\n");
    expect(rules).toMatch(/at most one running try/);
    expect(rules).toMatch(/every upstream task of the same DagRun has succeeded/);
    expect(drawn(airflow)).toMatch(/SKIP LOCKED/);
    expect(drawn(airflow)).not.toMatch(/OutboxEntry|HistoryShard|provider webhook|etcd/);
    expect(airflow.decisions.find((x) => x.id === "i03-dag-scheduler-ha")?.chosen).toBe("db-row-locks");
    expect(airflow.nfrs.scale.replicas).toBeUndefined();
    expect(shape(airflow)).toEqual([]);
  });

  it("sizes task instances from the stated DAG runs and executor slots by Little's law", () => {
    const row = (id: string) => airflow.capacity.find((r) => r.id === id);
    expect(row("task_instances_per_sec")?.value).toBeCloseTo((100000 / 86400) * 10, 1);
    expect(row("executor_slots")?.value).toBeCloseTo(Math.ceil((100000 / 86400) * 10 * 4 * 300), -1);
  });

  it("the coherence rule fires on a DAG design that loses its task instances or draws an outbox", () => {
    const broken = {
      ...airflow,
      dataModel: airflow.dataModel.filter((m) => m.entity !== "TaskInstance"),
      components: [
        ...airflow.components,
        { ...(airflow.components[0] as (typeof airflow.components)[number]), name: "OutboxEntry relay" },
      ],
    } as typeof airflow;
    const details = shape(broken).map((p) => p.detail);
    expect(details).toContain("no TaskInstance record is drawn");
    expect(details.some((x) => /OutboxEntry/.test(x))).toBe(true);
  });
});
