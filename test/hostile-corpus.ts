/** Hostile input shared by the CLI and API tests: each entry is text a user (or an attacker) can send. */
export interface Hostile {
  label: string;
  text: string;
}

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);

export const HOSTILE: readonly Hostile[] = [
  { label: "empty", text: "" },
  { label: "whitespace", text: "   \t  \u00a0 \u2003 " },
  { label: "line breaks only", text: "\n\r\n\n" },
  { label: "1 MB of one word", text: `Design a queue ${"x".repeat(1 << 20)}` },
  { label: "1 MB of words", text: "queue lock ".repeat(100_000) },
  { label: "just over the prompt limit", text: `Design a queue ${"and a lock ".repeat(400)}` },
  { label: "one 5,000-letter word", text: "a".repeat(5000) },
  { label: "control characters in words", text: "Design a \u0007queue\u001b[31m with red\u0008 retries" },
  { label: "mostly control characters", text: `${"\u0001\u0002\u0003".repeat(40)}queue` },
  { label: "NUL", text: "Design\u0000 a queue" },
  { label: "replacement character (invalid UTF-8 decoded)", text: "Design a qu\ufffd\ufffdeue" },
  { label: "lone high surrogate", text: "Design a queue \ud800" },
  { label: "lone low surrogate", text: "Design a \udc00 lock service" },
  { label: "Arabic (right to left)", text: "صمم طابور رسائل موزع مع إعادة المحاولة" },
  { label: "Hebrew mixed with English", text: "Design a תור הודעות distributed message queue" },
  { label: "bidi override", text: "Design a \u202eeueuq egassem\u202c with retries" },
  { label: "emoji and ZWJ sequences", text: "Design a 🚀 queue 👩‍👩‍👧 with 🔒 locks and 🇺🇳 regions" },
  { label: "zero-width and BOM", text: "\ufeffDesign\u200b a\u200d rate\u2060 limiter" },
  { label: "full-width letters", text: "Ｄｅｓｉｇｎ ａ ｄｉｓｔｒｉｂｕｔｅｄ ｌｏｃｋ" },
  { label: "HTML and script", text: 'Design a <script>alert(1)</script> queue <img src=x onerror="alert(1)">' },
  {
    label: "Markdown injection",
    text: "Design a queue\n# Owned\n[click](javascript:alert(1)) ![x](http://evil.example/x.png)\n| a | b |\n|---|---|\n```\ncode\n```",
  },
  {
    label: "Mermaid injection",
    text: 'Design a lock"]; click A call alert(1); A-->B[" %%{init: {"securityLevel":"loose"}}%% graph TD; A-->B',
  },
  { label: "JSON-looking text", text: '{"prompt":"Design a queue","__proto__":{"polluted":true}}' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is the hostile text
  { label: "template and format strings", text: "Design a ${process.exit(1)} %s %n {{7*7}} queue" },
  { label: "path traversal text", text: "Design a ../../etc/passwd queue at C:\\Windows\\system32" },
  { label: "C1 control characters (8-bit CSI)", text: "Design a \u009b31mqueue\u009b0m with \u0085 retries" },
  {
    label: "Markdown strike-through and links",
    text: "Design a ~~queue~~ at http://evil.example/x and www.evil.example",
  },
  { label: "Markdown block markers", text: "- Design a queue --- 1. with + retries === ~~~" },
  { label: "Unicode line and paragraph separators", text: "Design a queue\u2028# heading\u2029> quote" },
  {
    label: "Mermaid keywords",
    text: "Design a lock end subgraph graph TD click callback participant alt loop Note over A: end",
  },
  ...PROTO_NAMES.map((n) => ({ label: `Object.prototype name ${n} in a prompt`, text: `Design a ${n} service` })),
  ...PROTO_NAMES.map((n) => ({ label: `bare Object.prototype name ${n}`, text: n })),
];

/** The same names as --set keys and values and as override list entries. */
export const HOSTILE_OVERRIDES: readonly string[] = [
  "",
  "=",
  "==",
  "delivery",
  "delivery=",
  "=exactly-once",
  "delivery=exactly-once=again",
  "regions=-1",
  "regions=1e309",
  "regions=NaN",
  "regions=0x10",
  "scale.=5",
  "scale..=5",
  "archetype.=off",
  "predicate.=true",
  "dominant=I99",
  "dominant=\ud800",
  "delivery=exactly-once\u0000",
  "scale.hit_ratio=1e308",
  "scale.hot_key_share=5",
  "scale.target_utilisation=100",
  "scale.leases=1e308",
  "decision.=x",
  "decision.i02-lock-store=",
  "decision.i02-lock-store=__proto__",
  "decision.i99-from-a-newer-mechsd=fast",
  "DELIVERY=EXACTLY-ONCE",
  " delivery = exactly-once ",
  ...PROTO_NAMES.flatMap((n) => [
    n,
    `${n}=1`,
    `delivery=${n}`,
    `scale.${n}=5`,
    `archetype.${n}=off`,
    `predicate.${n}=true`,
    `decision.${n}=${n}`,
    `decision.i02-lock-store=${n}`,
    `dominant=${n}`,
  ]),
];
