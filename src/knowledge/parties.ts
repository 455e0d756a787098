import { TOPIC_WORDS, topicsSpoken, withoutOwnerWords } from "./topics.js";
import type { Availability, Consistency } from "./vocab.js";

/**
 * The outside party a workflow's effects reach (I12's sink), by kind. Parties differ in what they let the sender
 * do about a lost reply: a payment provider keeps our idempotency key and can be asked for the object later; a
 * customer's webhook endpoint is somebody else's code that answers one POST with a status and can be asked
 * nothing afterwards; a push gateway answers each send synchronously and offers no lookup. So the ceiling a
 * design checks its calls against, the way it settles an unknown outcome, and how much consistency its own
 * records need all follow the party, not the archetype.
 *
 * Facts about named systems were checked against their own documentation; each row names the page.
 */
export const PARTY_KINDS = [
  "payment-provider",
  "bank",
  "customer-endpoint",
  "push-gateway",
  "message-gateway",
  "service",
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export interface Party {
  kind: PartyKind;
  /** The party as a design names it. */
  name: string;
  /** The drawn box's name for it. */
  component: string;
  /** Whether it drops a repeated call carrying our key, and why (or why not). */
  dedupes: { value: boolean; because: string };
  /** Whether it can be asked afterwards what became of an effect, and how. */
  queryable: { value: boolean; because: string };
  /** Whether it calls us back with outcomes (a provider's webhooks). */
  callsBack: boolean;
  /**
   * Whether an effect it performed can be undone by a later effect of ours (a refund reverses a charge), and why:
   * only then does a failed later step compensate an earlier one; a delivered webhook, push or email stays delivered.
   */
  undoes: { value: boolean; because: string };
  /**
   * Calls a second one account of it accepts, with the source; absent when no shared limit applies (each
   * customer endpoint has its own capacity) or none is published.
   */
  ceiling?: { perSecond: number; because: string; source: string };
  /**
   * How long the party itself keeps our idempotency key, where it keeps one and says so: the design's own
   * idempotency records need last no longer than that when the prompt states no retry window. Absent for a party
   * that keeps no key of ours, whose dedupe records last as long as the design's own retries.
   */
  keyRetention?: { days: number; because: string };
  /**
   * What of the party's data never enters our systems, and what that keeps out of our scope, where it matters (card
   * numbers at a payment provider): the drawn party box says it (`text`), the script says it aloud (`said`), for a
   * prompt that speaks of what it is about (`words`: taking card payments; a transfer between bank accounts takes
   * no card, so PCI DSS never applies), as case-insensitive regular expression sources.
   */
  boundary?: { text: string; said: string; words: string; unless: string };
  /** Why no ceiling figure is drawn, when `ceiling` is absent. */
  noCeiling?: string;
  /** How an effect whose outcome is unknown, or that went wrong, is settled with this party. */
  reconcile: string;
  /** The design-wide stance its records need when the prompt states none, and why. */
  stance: { consistency: Consistency; availability: Availability; because: string };
}

const SENDS_STANCE = {
  consistency: "read-your-writes",
  availability: "stay-available",
  because:
    "a delivery is retried from its own send record, never decided once for all, so intake keeps accepting events while a replica or an endpoint is down, and each customer reads its own endpoint changes and delivery log right after making them",
} as const;

/**
 * The sending rate of each message channel, apart: an email gateway's quota is an email fact and says nothing of
 * texts, and an SMS sender's rate is set by its number type and the carrier, so a channel's sender cites only its own.
 */
export const MESSAGE_RATES = {
  email:
    "Amazon SES allows 1 email a second and 200 a day in its sandbox and sets both by use case outside it, reported by GetSendQuota (docs.aws.amazon.com/ses/latest/dg/quotas.html)",
  sms: "an SMS gateway meters texts per sending number: Twilio queues them at one segment a second from a US long code and over 100 from a short code (twilio.com/docs/api/errors/30001), and AWS End User Messaging allows 100 message parts a second from a US short code and 3 from a US toll-free number (docs.aws.amazon.com/sms-voice, 'Message Parts per Second (MPS) limits')",
} as const;

export const PARTIES: Readonly<Record<PartyKind, Party>> = {
  "payment-provider": {
    kind: "payment-provider",
    name: "a payment provider",
    component: "Payment provider (charges, refunds)",
    dedupes: {
      value: true,
      because:
        "Stripe saves the status and body of the first request made under an Idempotency-Key and returns them to a retry with the same key, and may prune keys once they are at least 24 hours old (docs.stripe.com/api/idempotent_requests)",
    },
    queryable: {
      value: true,
      because: "a charge or refund is an object the provider returns by its id, and its events can be listed",
    },
    callsBack: true,
    undoes: {
      value: true,
      because:
        "a captured charge is reversed by a refund, and an authorisation not yet captured is released by cancelling it",
    },
    keyRetention: {
      days: 1,
      because:
        "a payment provider such as Stripe may prune an idempotency key once it is 24 hours old (docs.stripe.com/api/idempotent_requests), so a retry later than that must look the charge up first",
    },
    ceiling: {
      perSecond: 100,
      because: "Stripe's live-mode rate limiter allows 100 write operations a second per account, raised on request",
      source: "docs.stripe.com/rate-limits",
    },
    boundary: {
      text: "card numbers never reach our servers: the provider's own fields in the page or app (Stripe.js Elements, hosted checkout) send them straight to the provider and hand us a token, so only the token is stored and sent, which keeps our services out of most of PCI DSS scope (the merchant validates the lightest self-assessment its integration allows) (docs.stripe.com/security/guide; stripe.com/docs/custom-form)",
      said: "Card numbers never touch our servers: the provider's own fields take them and hand us a token, which keeps us out of most of PCI DSS scope",
      words: String.raw`\b(?:cards?|checkouts?|charges?|pay(?:s|ing)?|payments?|purchases?|fares?|orders?|tickets?|bookings?)\b`,
      unless: String.raw`\b(?:bank accounts?|bank APIs?|wires?|ACH|between accounts|ledgers?|payouts?)\b`,
    },
    reconcile:
      "look the effect up at the provider by our effect id (or in its settlement report) and record what it says; a duplicate found there is undone by a reversing effect (a refund or a void) under its own effect id",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because:
        "money moved twice cannot be taken back cheaply, so a payment's state is decided once, on one primary, and a request that cannot reach it is refused rather than answered twice",
    },
  },
  // money leaving for an account at another bank (a payout, a supplier payment, a transfer to a partner bank) goes out
  // over a bank rail, not through a card processor: no card is charged, nothing is captured or refunded, and what
  // the rail sent is settled against the bank's own statement and returns
  bank: {
    kind: "bank",
    name: "the bank and its payment rail (ACH, wire, instant payments)",
    component: "Bank / payment rail (ACH, wire; payouts to other banks)",
    dedupes: {
      value: false,
      because:
        "a rail pays every entry it is sent: an ACH entry or a wire sent twice credits the recipient twice, and the receiving bank may return a duplicate (ACH return R24) but need not, so the design settles a lost reply from its own attempt record and the bank's records before it sends again, never by resending",
    },
    queryable: {
      value: true,
      because:
        "the payment carries our end-to-end reference, which the bank's payment status and its account statement return unchanged (ISO 20022's EndToEndId is assigned by the payer and passed on to the beneficiary)",
    },
    callsBack: true,
    undoes: {
      value: false,
      because:
        "a sent payment is not refunded like a card charge: a wire or an instant payment is final once sent, and an ACH entry may be reversed only when it was erroneous or a duplicate, up to five banking days after settlement (Nacha Operating Rules), so a later step's failure is repaired in our own ledger, not by undoing the payment",
    },
    noCeiling:
      "a bank sets no public per-account request limit: what bounds a rail is its cut-off times and the batch files or payment messages the bank agreement allows, so it is a number to ask the bank for, not a default",
    reconcile:
      "match every sent payment to the bank's statement and its returns by our end-to-end reference (ACH returns mostly arrive within two banking days); a payment with no record past its cut-off is looked up at the bank by that reference before any resend, and a returned payment credits the account back with its own journal lines",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because:
        "a payment a rail has sent cannot be taken back on our say, so each payout is decided once, on one primary, and a request that cannot reach it is refused rather than sent twice",
    },
  },
  "customer-endpoint": {
    kind: "customer-endpoint",
    name: "our customers' webhook endpoints",
    component: "Customer endpoints (HTTPS receivers)",
    dedupes: {
      value: false,
      because:
        "an endpoint is the customer's own code: it drops a repeat only if it keeps the event id we send, which we cannot see or rely on",
    },
    queryable: {
      value: false,
      because:
        "an endpoint answers one POST with a status code and has nothing to ask afterwards; the sender's delivery log is the only record of what was delivered",
    },
    callsBack: false,
    undoes: {
      value: false,
      because:
        "a POST the customer's endpoint accepted has run the customer's code, which nothing we send can take back",
    },
    noCeiling:
      "no account-wide limit applies: each customer endpoint has its own capacity, which its in-flight cap and circuit breaker respect",
    reconcile:
      "keep every attempt with its status code in a delivery log the customer can list, and replay a failed or disabled endpoint's deliveries under their original event ids on request (Stripe resends undelivered events for up to three days and lets them be listed with delivery_success=false, docs.stripe.com/webhooks/process-undelivered-events; GitHub lists a hook's recent deliveries and redelivers one on request, docs.github.com webhooks 'Redelivering webhooks')",
    stance: SENDS_STANCE,
  },
  "push-gateway": {
    kind: "push-gateway",
    name: "the platform push gateways (APNs, FCM)",
    component: "Push gateways (APNs, FCM)",
    dedupes: {
      value: false,
      because:
        "APNs's apns-id header only names a notification in the reply, and FCM answers with a message id of its own; neither drops a resend by our id, though a collapse id (apns-collapse-id, FCM's collapse key) makes the device show only the latest of several",
    },
    queryable: {
      value: false,
      because:
        "neither gateway offers a call to look a sent notification up later: APNs answers each POST with a status and a reason (developer.apple.com 'Handling notification responses from APNs'), and that reply is the outcome",
    },
    callsBack: false,
    undoes: {
      value: false,
      because:
        "a push the gateway accepted is on its way to the device, and neither gateway offers a call that recalls it",
    },
    ceiling: {
      perSecond: 10000,
      because: "FCM's HTTP v1 API allows 600,000 messages a minute per project by default",
      source: "firebase.google.com/docs/cloud-messaging/throttling-and-quotas",
    },
    reconcile:
      "record each gateway reply as the attempt's outcome: remove device tokens the gateway reports gone (APNs 410, FCM UNREGISTERED), and resend a send that timed out at most once under the same collapse id: the gateways keep no record of our ids, so the collapse id only folds a repeat the user has not yet seen into the first (APNs coalesces unseen notifications that share apns-collapse-id; FCM replaces a collapsible message still waiting for the device), and a repeat after that shows twice",
    stance: SENDS_STANCE,
  },
  "message-gateway": {
    kind: "message-gateway",
    name: "an email or SMS gateway",
    component: "Email / SMS gateway",
    dedupes: {
      value: false,
      because:
        "the design does not rely on the gateway dropping a resend by our key: a message sent twice arrives twice unless the gateway's own API says otherwise",
    },
    queryable: {
      value: false,
      because:
        "SMTP has no command to ask a receiving server afterwards what it accepted, and a final reply lost after the message body leaves a possible duplicate (the subject of RFC 1047, 'Duplicate messages and SMTP'); what became of a message comes back only as the gateway's delivery, bounce and complaint notifications, matched to the attempt by message id",
    },
    callsBack: true,
    undoes: {
      value: false,
      because:
        "an email or text the gateway accepted is delivered to the recipient's mailbox or phone, and no gateway call takes it back",
    },
    noCeiling: `the sending rate is set per account and per sender: ${MESSAGE_RATES.email}; ${MESSAGE_RATES.sms}; so it is a number to ask for, not a default`,
    reconcile:
      "match the gateway's delivery, bounce and complaint reports to attempts by its message id, and resend only a message with no report after a grace period; a transient (4xx) reply is retried and a permanent (5xx) one is not (RFC 5321 section 4.2.1), and a hard bounce or a complaint puts the address on the suppression list",
    stance: SENDS_STANCE,
  },
  service: {
    kind: "service",
    name: "another service or partner API",
    component: "External system (partner or internal service)",
    dedupes: {
      value: true,
      because: "assumed: the partner honours an idempotency key we send, the usual contract for a retried effect",
    },
    queryable: {
      value: true,
      because: "assumed: the partner returns an effect by the key or id we gave it",
    },
    callsBack: true,
    undoes: {
      value: true,
      because: "assumed: the partner offers a reversing call (cancel, release, refund) for an effect it performed",
    },
    // the party the prompt never names: its effects reach whichever services the workflows call, each with its own
    // limit, so no single account's ceiling is measured against the whole start rate
    noCeiling:
      "the prompt names no partner, so no one account's limit applies: each service the steps call has its own, which a per-service concurrency and rate budget respects",
    reconcile:
      "look the effect up at the partner by our effect id after a grace period and record what it says; a duplicate is undone by a reversing effect under its own id",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because:
        "an effect in another system cannot be taken back cheaply, so each step is decided once on one primary and a request that cannot reach it is refused",
    },
  },
};

/**
 * Wording true of one kind of party only, as case-insensitive regular expression sources: a payment provider's
 * pruning of our idempotency keys (Stripe's 24 hours), a push gateway's collapse id that folds repeats on the device.
 * A design whose effects reach another kind of party never says them (coherence `party-fact-elsewhere`).
 */
export const PARTY_ONLY_WORDS: Readonly<Partial<Record<PartyKind, string>>> = {
  "payment-provider": String.raw`\bpayment APIs?\b|\bprunes? (?:an |our |their )?idempotency keys?\b|\beach stated payment\b`,
  "push-gateway": String.raw`\bcollapse (?:id|key)s?\b|\bdevice folds\b`,
  bank: String.raw`\bACH returns?\b|\bend-to-end reference\b`,
};

/**
 * Money sent to an account at another bank (a payout by bank transfer, a partner bank's transfer API, a wire), as a
 * case-insensitive regular expression source: its effects reach a bank rail, unless the text also takes a card
 * payment (`CARD_TAKEN`), whose charge is the effect that costs most to repeat.
 */
export const BANK_WORDS = String.raw`\b(?:bank transfers?|bank(?:'s|s')? (?:transfer |payout |payment )?(?:APIs?|networks?|partners?|rails?)|(?:partner|external|other|receiving|recipient's|beneficiary) banks?|(?:between|across) (?:two |different )?banks|(?:between|across) (?:\w+ )?bank accounts|banking partners?|(?:to|into) (?:an? |their |the )?(?:\w+ )?bank accounts?|wire transfers?|wires? (?:to|from)|by wire|(?:outgoing|international|domestic) wires?|ACH|SEPA|faster payments|FedNow|cross-border transfers?)\b`;

/** Words that take a card payment: a charge, a card processor, a checkout. */
export const CARD_TAKEN = String.raw`\b(?:charg(?:e|es|ed|ing)|card (?:payments?|processors?|networks?|numbers?|charges?)|cards? (?:a )?(?:second|per second)|checkouts?|check(?:s|ed|ing)? out|captur(?:e|es|ed|ing)|refund(?:s|ed|ing)?|pay(?:s|ing)? by card|credit cards?|debit cards?)\b`;

/** Each party's words, case-insensitive regular expression sources, in the order they are tried. */
export const PARTY_WORDS: ReadonlyArray<readonly [PartyKind, string]> = [
  ["bank", BANK_WORDS],
  ["payment-provider", TOPIC_WORDS.money],
  ["customer-endpoint", TOPIC_WORDS.webhook],
  [
    "push-gateway",
    String.raw`\b(?:push notifications?|push messages?|mobile push|apns|fcm|firebase cloud messaging|apple push|device tokens?)\b`,
  ],
  ["message-gateway", String.raw`\b(?:e-?mails?|sms|text messages?|twilio|sendgrid)\b`],
];

const COMPILED = PARTY_WORDS.map(([k, s]) => [k, new RegExp(s, "i")] as const);
const CARD_TAKEN_RE = new RegExp(CARD_TAKEN, "i");

/** The party a text's effects reach, with the words that said so; another service when none are spoken. */
export function partyOf(text: string): { kind: PartyKind; quote?: string } {
  for (const [kind, re] of COMPILED) {
    // a payout to a bank account beside a card charge: the charge is taken through a payment provider
    if (kind === "bank" && CARD_TAKEN_RE.test(text)) continue;
    // "a push notification service for a banking app": whose business it is moves no money (topics.ts OWNER_WORDS)
    const m = re.exec(kind === "payment-provider" ? withoutOwnerWords("money", text) : text);
    if (m) return { kind, quote: m[0] };
  }
  return { kind: "service" };
}

/** Whether a row marked with the parties it is for fits a design whose effects reach `party` (another service when none). */
export const fitsParty = (row: { parties?: readonly PartyKind[] }, party: PartyKind | undefined): boolean =>
  !row.parties || row.parties.includes(party ?? "service");

/**
 * The party's data boundary where the prompt's subject reaches it (card payments at a payment provider, not a
 * transfer between bank accounts, unless the prompt also speaks of cards).
 */
export function partyBoundary(kind: PartyKind | undefined, prompt: string): Party["boundary"] {
  const b = kind ? PARTIES[kind].boundary : undefined;
  if (!b || !new RegExp(b.words, "i").test(prompt)) return undefined;
  // a design of the payment provider itself takes the card numbers in its own vault: no one else's fields take them
  if (topicsSpoken(prompt).some((t) => t.value === "psp")) return undefined;
  return new RegExp(b.unless, "i").test(prompt) && !/\bcards?\b/i.test(prompt) ? undefined : b;
}
