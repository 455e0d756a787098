import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { topicsSpoken } from "../src/knowledge/topics.js";

const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.technology, d.decisions]);
const spoken = (text: string) => topicsSpoken(text).map((t) => t.value);
const chosen = (d: ReturnType<typeof design>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;

describe("a media pipeline encodes each upload into its renditions as leased tasks and publishes by one manifest write", () => {
  const video = design(
    "Design a video transcoding pipeline that processes 500,000 uploaded videos a day into five resolutions, where a crashed worker's job is picked up again and no half-written output is ever published.",
  );
  const paraphrases = [
    design("Design a podcast audio processing pipeline producing three bitrates"),
    design("Design an image pipeline that makes four thumbnail sizes per upload"),
    design("Design a service that converts uploaded documents to PDF"),
  ];

  it("is the execution fleet's media subject, not a cluster manager placing videos on nodes beside a log", () => {
    for (const d of [video, ...paraphrases]) {
      expect(d.archetypes[0]?.id).toBe("I15");
      expect(d.nfrs.topics).toContain("media-pipeline");
      expect(checkCoherence(d)).toEqual([]);
      expect(drawn(d)).not.toMatch(
        /Scheduler \(placement\)|Cluster state store|WorkerNode|Partition leader|ConsumerOffset/,
      );
    }
    expect(spoken("a service that converts uploaded documents to PDF")).toContain("media-pipeline");
    expect(spoken("a CDN for static assets")).not.toContain("media-pipeline");
  });

  it("draws upload, split, leased encode tasks, staging and the manifest pointer, with a Rendition record", () => {
    expect(video.components.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "object-store",
        "job-store",
        "splitter",
        "encode-workers",
        "lease-sweeper",
        "packager",
        "cdn",
      ]),
    );
    expect(video.dataModel.map((m) => m.entity)).toEqual(
      expect.arrayContaining(["Rendition", "EncodeTask", "Manifest"]),
    );
    expect(video.dataModel.find((m) => m.entity === "EncodeTask")?.key).toEqual(["video_id", "rendition", "segment"]);
    const rules = video.invariants.map((i) => i.statement).join("\n");
    expect(rules).toMatch(/one conditional write of its Manifest pointer, made last/);
    expect(rules).toMatch(/its lease lapses without renewals and the sweeper re-queues it/);
    expect(video.mechanisms.map((m) => m.id)).toEqual(
      expect.arrayContaining(["claim-run", "expiry-sweeper", "head-pointer-cas", "fencing-token"]),
    );
    expect(chosen(video, "i15-media-split")).toBe("segments");
    expect(chosen(paraphrases[1] as ReturnType<typeof design>, "i15-media-split")).toBe("whole-file");
  });

  it("sizes from the stated uploads and renditions: encode tasks, cores and workers", () => {
    expect(video.nfrs.scale.renditions).toBe(5);
    const row = (id: string) => video.capacity.find((r) => r.id === id)?.value;
    // 500,000 a day, peak 3x, 300 s at 6 s segments, 5 renditions
    expect(row("encode_tasks_per_sec")).toBeCloseTo((500000 / 86400) * 3 * 5 * 50, 0);
    expect(row("encode_cores")).toBeCloseTo(((500000 / 86400) * 300 * 5 * 2) / 0.5, 0);
    expect(paraphrases[0]?.nfrs.scale.renditions).toBe(3);
    // "resolutions per second" stays a DNS read rate
    expect(design("Design a DNS resolver serving 1 million resolutions per second").nfrs.scale).toMatchObject({
      reads_per_sec: 1e6,
    });
  });

  it("says what starts the splitter and the packager, and checks 'every task done' at the job store", () => {
    // a blind grade found nothing triggering either, and the publish check drawn at the object store
    for (const prompt of [
      "Design a video upload and transcoding pipeline that handles 500 hours of video uploaded every minute.",
      "Design a transcoding service that turns every uploaded lecture video into five resolutions.",
    ]) {
      const d = design(prompt);
      const seq = d.diagrams.find((x) => x.kind === "sequence" && x.title.startsWith("I15"))?.mermaid ?? "";
      const lines = seq.split("\n").map((l) => l.trim());
      const at = (text: string) => lines.findIndex((l) => l.includes(text));
      expect(at("claim the new asset's split"), prompt).toBeGreaterThan(0);
      expect(at("claim the new asset's split")).toBeLessThan(at("create a task per rendition and segment"));
      expect(at("claim the asset to package"), prompt).toBeGreaterThan(
        at("last task done moves the asset to packaging"),
      );
      expect(lines[at("claim the asset to package") + 1]).toMatch(
        /Note over P3: checks every EncodeTask of the Asset done/,
      );
      expect(seq).not.toMatch(/every Rendition complete/);
    }
  });
});
