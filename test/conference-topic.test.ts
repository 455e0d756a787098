import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { writeScript } from "../src/render/script/index.js";

/** Everything a design says about its shape, as one text. */
const said = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.operations, d.components, d.api, d.dataModel, d.technology, d.decisions, d.mechanisms]);

const BIG = "Design a video conferencing system like Zoom that supports meetings of up to 1,000 participants";

describe("video conferencing is drawn as meetings forwarded by SFUs, led by the shared subject", () => {
  const big = design(BIG);
  const paraphrases = [
    "Build a group video calling app for 5 million daily users where calls have up to 8 people",
    "Design Google Meet.",
    "We need a WebRTC backend for telehealth video visits between a doctor and a patient, using VP9 SVC.",
    "Design an online meeting platform for global companies, with all-hands meetings of up to 5,000 employees.",
  ].map((p) => design(p));

  it("leads with I13 and the video-conference subject; presence is at most supporting", () => {
    for (const d of [big, ...paraphrases]) {
      expect(d.archetypes[0]?.id, d.prompt).toBe("I13");
      expect(d.nfrs.topics, d.prompt).toContain("video-conference");
      const presence = d.archetypes.find((a) => a.id === "I10");
      expect(presence?.role ?? "absent", d.prompt).not.toBe("dominant");
    }
    const stream = design("Design a live streaming platform where one streamer broadcasts to 2 million viewers.");
    expect(stream.nfrs.topics ?? []).not.toContain("video-conference");
  });

  it("keeps signalling, placement, SFUs and STUN/TURN; no document editing or presence registry", () => {
    for (const d of [big, ...paraphrases]) {
      const names = d.components.map((c) => c.name).join("\n");
      for (const part of ["Signalling service", "Placement service", "SFUs (selective forwarding", "STUN/TURN"])
        expect(names, `${d.prompt}: ${part}`).toContain(part);
      const join = d.api.find((a) => a.operation === "join");
      expect(join?.request).toEqual(["join_token"]);
      const text = said(d);
      for (const word of ["ShareDB", "Yjs", "transform the submitted", "Operation log", "Presence store"])
        expect(text, `${d.prompt}: ${word}`).not.toContain(word);
      expect(d.mechanisms.map((m) => m.id)).toContain("selective-forwarding");
      expect(checkCoherence(d), d.prompt).toEqual([]);
    }
    const script = JSON.stringify(writeScript(big));
    expect(script).not.toMatch(/operational transformation/);
  });

  it("sizes the busiest meeting from the stated size: all-to-all streams, its egress and the SFUs it needs", () => {
    expect(big.nfrs.scale.max_participants).toBe(1000);
    const all = big.capacity.find((r) => r.id === "all_to_all_streams");
    expect(all?.value).toBe(1000 * 999);
    const receiver = big.capacity.find((r) => r.id === "receiver_bytes_per_sec")?.value ?? 0;
    expect(big.capacity.find((r) => r.id === "meeting_egress")?.value).toBe(1000 * receiver);
    expect(big.capacity.find((r) => r.id === "sfus_per_meeting")?.value).toBeGreaterThanOrEqual(2);
    const [calls] = paraphrases;
    expect(calls?.nfrs.scale.max_participants).toBe(8);
    expect(calls?.capacity.find((r) => r.id === "sfus_per_meeting")?.value).toBe(1);
  });

  it("a big meeting cascades, a small one stays on one SFU, SVC is taken when named", () => {
    const chosen = (d: ReturnType<typeof design> | undefined, id: string) =>
      d?.decisions.find((r) => r.id === id)?.chosen;
    const [calls, , telehealth, townhall] = paraphrases;
    expect(chosen(big, "i13-conf-topology")).toBe("sfu");
    expect(chosen(big, "i13-conf-cascade")).toBe("cascade");
    expect(chosen(calls, "i13-conf-cascade")).toBe("one-sfu");
    expect(chosen(townhall, "i13-conf-cascade")).toBe("cascade");
    expect(chosen(telehealth, "i13-conf-layers")).toBe("svc");
    expect(chosen(big, "i13-conf-layers")).toBe("simulcast");
    expect(big.components.map((c) => c.id)).toContain("remote-sfu");
    expect(calls?.components.map((c) => c.id)).not.toContain("remote-sfu");
  });
});
