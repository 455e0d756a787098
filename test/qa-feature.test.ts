import { describe, expect, it } from "vitest";
import { recognizeProduct } from "../src/engine/product/recognize.js";
import { design } from "../src/lib/index.js";

/**
 * A questions-and-answers site (Stack Overflow, Quora) is designed as questions and answers with a
 * cached question page, one vote per voter per post, the asker's single accept and a reputation ledger credited once
 * per event: not as Reddit-style ranking of posts in communities.
 */
const SO =
  "Design a Q&A site like Stack Overflow that serves 20,000 page views per second, with questions, answers, votes and reputation.";

const ids = (p: string) => design(p).features.map((f) => f.id);

describe("questions and answers (Q&A site)", () => {
  it("designs Stack Overflow as questions, answers, votes, accepts and reputation, with no hot ranking of communities", () => {
    const d = design(SO);
    expect(d.features.map((f) => f.id)).toContain("qa");
    expect(d.features.map((f) => f.id)).not.toContain("ranking");
    const comps = d.components.map((c) => c.id);
    expect(comps).toEqual(
      expect.arrayContaining(["qa-service", "question-store", "page-cache", "reputation-worker", "reputation-store"]),
    );
    for (const gone of ["ranker", "ranked-cache", "vote-store"]) expect(comps).not.toContain(gone);
    expect(d.api.some((a) => /communities|sort=hot/.test(a.call))).toBe(false);
    expect(d.api.map((a) => a.call)).toContain("PUT /v1/questions/{question_id}/accepted-answer");
    expect(d.decisions.some((x) => x.id.startsWith("ranking-"))).toBe(false);
    expect(d.capacity.some((c) => c.id === "ranked_list_bytes")).toBe(false);
    expect(JSON.stringify(d)).not.toMatch(/\bcommunit(?:y|ies)\b/i);
    expect(d.dataModel.map((m) => m.entity)).toEqual(
      expect.arrayContaining(["Question", "Answer", "Vote", "ReputationEvent", "QuestionPage"]),
    );
    expect(d.coherence).toEqual([]);
  });

  it("keeps the asker's single accept and a once-per-event reputation ledger as hard rules", () => {
    const d = design(SO);
    const rules = d.invariants.map((i) => i.statement);
    expect(rules.some((r) => /at most one accepted answer, and only its asker/.test(r))).toBe(true);
    expect(rules.some((r) => /credits reputation once/.test(r))).toBe(true);
    expect(rules.some((r) => /at most one Vote per question or answer/.test(r))).toBe(true);
    // the ledger is the reputation store's record, not the question store's
    expect(d.primaryState.find((s) => s.entity === "ReputationEvent")?.authority).toMatch(/^Reputation store/);
  });

  it("sizes the question page from the stated page views and derives reputation from the change stream", () => {
    const d = design(SO);
    const views = d.capacity.find((c) => c.id === "peak_page_views_per_sec");
    expect(views?.inputs.find((i) => i.name === "reads_per_sec")?.source).toBe("stated");
    expect(views?.value).toBe(20000);
    // about one vote per hundred page views
    expect(d.capacity.find((c) => c.id === "qa_votes_per_sec")?.value).toBeCloseTo(200, 0);
    expect(d.bottlenecks.some((b) => /^One question everyone opens at once/.test(b.bottleneck))).toBe(true);
    expect(d.decisions.find((x) => x.id === "qa-reputation")?.chosen).toBe("event-ledger");
    expect(d.decisions.find((x) => x.id === "qa-page-cache")?.chosen).toBe("cached-page");
    expect(d.decisions.find((x) => x.id === "qa-score")?.chosen).toBe("score-column");
    const links = d.links.map((l) => `${l.from}>${l.to}`);
    // a feature's link to the change stream of the search feature it requires survives its own option marks
    expect(links).toEqual(expect.arrayContaining(["question-store>change-stream", "change-stream>reputation-worker"]));
    expect(links).not.toContain("qa-service>reputation-worker");
  });

  it("credits reputation in the vote's transaction where the prompt needs it at once", () => {
    const d = design(
      "Design a Q&A site like Stack Overflow where reputation must be updated immediately when a vote is cast.",
    );
    expect(d.decisions.find((x) => x.id === "qa-reputation")?.chosen).toBe("in-transaction");
    const comps = d.components.map((c) => c.id);
    expect(comps).not.toContain("reputation-worker");
    expect(d.links.map((l) => `${l.from}>${l.to}`)).toContain("qa-service>reputation-store");
  });

  it("draws the accept and the reputation ledger only where the prompt speaks of them (Quora has neither)", () => {
    for (const p of ["Design a site like Quora.", "Design a Q&A website."]) {
      const d = design(p);
      expect(
        d.features.map((f) => f.id),
        p,
      ).toContain("qa");
      const comps = d.components.map((c) => c.id);
      expect(comps, p).toEqual(expect.arrayContaining(["qa-service", "question-store", "page-cache"]));
      for (const gone of ["reputation-worker", "reputation-store"]) expect(comps, p).not.toContain(gone);
      expect(d.api.map((a) => a.call).join(" "), p).not.toMatch(/accepted-answer/);
      expect(
        d.decisions.some((x) => x.id === "qa-reputation"),
        p,
      ).toBe(false);
      expect(JSON.stringify(d.invariants), p).not.toMatch(/accept|reputation/i);
      expect(d.coherence, p).toEqual([]);
    }
    const accepts = design("Design a Q&A forum where users ask questions, vote on answers and accept the best answer.");
    expect(accepts.api.map((a) => a.call)).toContain("PUT /v1/questions/{question_id}/accepted-answer");
    expect(accepts.components.map((c) => c.id)).toContain("reputation-store");
  });

  it("is drawn by other wordings of a Q&A site, quoting the prompt's own words", () => {
    for (const p of [
      "Design a Q&A forum where users ask questions and vote on answers.",
      "Design an internal questions-and-answers site for a company's engineers.",
      "Design a site like Quora.",
      "Design a community where people ask questions and experts answer them, with accepted answers.",
      "Design a Stack Overflow clone.",
    ])
      expect(ids(p), p).toContain("qa");
    const forum = design("Design a Q&A forum where users ask questions and vote on answers.");
    expect(forum.features.find((f) => f.id === "qa")?.evidence).toContain("the prompt says 'Q&A'");
    const internal = design("Design an internal questions-and-answers site for a company's engineers.");
    expect(internal.features.find((f) => f.id === "qa")?.evidence[0]).toBe(
      "the prompt says 'questions-and-answers' (as 'questions and answers')",
    );
  });

  it("is not drawn where answers, questions or calls belong to another kind of thing", () => {
    for (const p of [
      "Design a call-centre system where agents answer calls from 10,000 customers an hour.",
      "Design an online survey platform where each survey has up to 50 questions and collects 1 million responses a day.",
      "Design a quiz app where students answer questions against a timer.",
      "Design a classroom quiz game like Kahoot: teachers build quizzes and host live games; up to 5,000 students join a game with a PIN, every answer is ordered against the question timer, and all players see the same scoreboard at the same moment.",
      "Design a customer support phone line where agents answer questions from callers within 2 minutes.",
      "Design an online exam platform where 100,000 candidates answer questions at the same time.",
    ])
      expect(ids(p), p).not.toContain("qa");
    const quiz = recognizeProduct(
      "Design a classroom quiz game like Kahoot: teachers build quizzes and host live games; up to 5,000 students join a game with a PIN, every answer is ordered against the question timer, and all players see the same scoreboard at the same moment.",
    );
    const aside = quiz.notDrawn.find((n) => n.id === "qa");
    expect(aside?.rule).toBe("other-kind");
    expect(aside?.because).toMatch(/^the prompt says 'quiz'/);
  });
});
