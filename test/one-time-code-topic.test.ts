import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

const SMS =
  "Design a verification code service for phone sign-up: 3,000 codes are sent per second at peak, each code is valid for 10 minutes, with at most 3 wrong guesses per code.";

describe("a one-time code service keeps one hashed code per destination, spent by one conditional write", () => {
  const sms = design(SMS);
  const others = [
    "Design an OTP system like Twilio Verify for a ride-hailing app with 40 million riders",
    "Design a magic link service that emails single-use sign-in links valid for 15 minutes to 2 million users",
    "Design a one-time code service backed by Redis, 500 codes a second, each code valid for 2 minutes, at most 20 wrong guesses per code",
    "Design an SMS verification service for a bank whose codes must survive a regional outage",
  ].map((p) => design(p));
  const [twilioLike, links, redis, bank] = others;

  it("leads with the code subject on I16, coherent, with no generic store or sign-in parts", () => {
    for (const d of [sms, ...others]) {
      expect(d.nfrs.topics, d.prompt).toContain("one-time-code");
      expect(d.nfrs.topics, d.prompt).not.toContain("auth");
      expect(d.archetypes[0]?.id, d.prompt).toBe("I16");
      expect(checkCoherence(d), d.prompt).toEqual([]);
      const drawn = [...d.components.map((c) => c.name), ...d.dataModel.map((m) => m.entity)].join("\n");
      expect(drawn, d.prompt).not.toMatch(/Partition map|Rebalancer|ResetToken|UserAccount|Limiter|Workflow service/);
    }
    expect(sms.invariants[0]?.statement).toMatch(/^A code is accepted at most once/);
  });

  it("keeps only the code's hash, counts guesses on the record and answers a retried verify with its first answer", () => {
    const code = sms.dataModel.find((m) => m.entity === "OneTimeCode");
    expect(code?.fields).toEqual(expect.arrayContaining(["code_hmac", "attempts", "used_at", "verify_request_id"]));
    expect(code?.fields).not.toContain("code");
    expect(code?.fields.filter((f) => /attempt|guess/.test(f))).toEqual(["attempts"]);
    const verify = sms.api.find((a) => a.operation === "verify code");
    expect(verify?.request).toEqual(expect.arrayContaining(["request_id", "code"]));
    const sequences = sms.diagrams.filter((x) => x.kind === "sequence").map((x) => x.title);
    expect(sequences).toEqual(
      expect.arrayContaining([
        "I16: Verify a code once",
        "I16: Issue a code once",
        "I16: Send a code through a provider",
      ]),
    );
  });

  it("reads the stated sends, validity and attempts, and sizes live codes, writes, senders and guess odds from them", () => {
    expect(sms.nfrs.scale).toMatchObject({ codes_per_sec: 3000, code_valid_seconds: 600, attempt_limit: 3 });
    const fig = (id: string) => sms.capacity.find((r) => r.id === id)?.value;
    expect(fig("live_codes")).toBe(3000 * 600);
    expect(fig("guess_odds_per_code")).toBeCloseTo(3 / 1e6, 12);
    expect(fig("code_store_writes")).toBeCloseTo(3000 * 4 + 3000 * 1.2, 6);
    // "riders" are people who get codes now and then: the sends follow from them
    expect(twilioLike?.capacity.find((r) => r.id === "live_codes")?.value).toBeCloseTo(
      ((40000000 * 0.2) / 86400) * 3 * 300,
      3,
    );
  });

  it("flips its decisions on the prompt's own words and numbers", () => {
    const chosen = (d: typeof sms | undefined, id: string) => d?.decisions.find((r) => r.id === id)?.chosen;
    expect(chosen(sms, "i16-otp-factor")).toBe("sent-code");
    expect(chosen(links, "i16-otp-factor")).toBe("magic-link");
    expect(links?.api.map((a) => a.operation)).toContain("redeem sign-in link");
    expect(links?.api.map((a) => a.operation)).not.toContain("verify code");
    // 20 guesses on each of 10 codes a day is past one in ten thousand: eight digits
    expect(chosen(sms, "i16-otp-length")).toBe("six");
    expect(chosen(redis, "i16-otp-length")).toBe("eight");
    expect(chosen(sms, "i16-otp-store")).toBe("majority");
    expect(chosen(redis, "i16-otp-store")).toBe("memory-void");
    expect(chosen(sms, "i16-otp-region")).toBe("home-region");
    expect(chosen(bank, "i16-otp-region")).toBe("multi-region-consensus");
    const totp = design(SMS, ["decision.i16-otp-factor=totp"]);
    expect(totp.api.map((a) => a.operation)).toContain("verify authenticator code");
    expect(totp.failures.some((f) => /SMS pumping/.test(f.failure))).toBe(false);
    expect(checkCoherence(totp)).toEqual([]);
  });

  it("leaves a sign-in service whose second factor is a texted code to the auth subject", () => {
    const login = design("Design a login service with passwords, sessions and SMS one-time codes as a second factor");
    expect(login.nfrs.topics).toContain("auth");
    expect(login.nfrs.topics).not.toContain("one-time-code");
  });
});
