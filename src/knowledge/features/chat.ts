import { fig, inp, perUserDaily } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { CHAT_PROTOCOLS } from "./protocols.js";

export const CHAT: FeatureEntry = {
  id: "chat",
  name: "Messaging and chat delivery",
  summary:
    "Messages are appended to a log per conversation, numbered in order by the conversation's owner, pushed over open connections to online devices and fetched from the log by offline devices when they reconnect. Delivered and read receipts are cursors into that log.",
  signals: [
    "chat",
    "messaging",
    "send message",
    "direct message",
    "group chat",
    "messenger",
    "read receipts",
    "delivery receipts",
    "channels",
  ],
  terms: { message: "message", conversation: "conversation" },
  promptNouns: { conversation: ["channel", "group", "room", "conversation"] },
  actions: [
    {
      action: "send a {message} to a {conversation}",
      shape: "append event",
      entity: "{Message}",
      critical: true,
      substrate: "I05",
      // the send's core is its number: the conversation's one owner sequences it (a resend's client id is the
      // duplicate-retry rule's idempotency key)
      mechanism: "op-sequencer",
    },
    {
      action: "deliver the {message} to the recipients' online devices",
      shape: "async process",
      entity: "{Message}",
      critical: false,
      substrate: "I10",
    },
    {
      action: "sync missed {messages} when a device reconnects",
      shape: "read source",
      entity: "{Message}",
      critical: false,
      substrate: "I05",
      mechanism: "consumer-offsets",
    },
    {
      action: "mark a {conversation} delivered or read up to a {message}",
      shape: "overwrite current value",
      entity: "Receipt",
      critical: false,
      substrate: "I16",
      mechanism: "versioned-overwrite",
    },
  ],
  entities: [
    { name: "{Message}", description: "(conversation, sequence number, sender, body, client message id)" },
    { name: "{Conversation}", description: "a one-to-one or group thread with its members and next sequence" },
    {
      name: "{Conversation}Member",
      description:
        "(conversation, user) -> joined at, role: one row per member, so a large {conversation} has as many rows as members; indexed by user to list a user's {conversations}",
    },
    { name: "Receipt", description: "per member and device: highest sequence delivered and read" },
  ],
  nfrs: [
    "every member sees a {conversation}'s {messages} in the same order",
    "a sent {message} is never lost and never shown twice, even when the client retries",
    "online recipients get it in well under a second; offline ones on reconnect",
  ],
  // several people seeing one order is what the conversation's owner already gives: a second sequencer beside it
  // would be a second ordering authority, and chat messages are appended, never merged by transformation
  carries: [
    {
      id: "I13",
      why: "members agree on a {conversation}'s order because its one owner numbers every {message}; {messages} are appended whole and never edited concurrently into one text, so no separate subject sequencer, ownership lease group or transformation of concurrent edits is drawn",
    },
  ],
  // a conversation's log is the message store's own rows keyed by (conversation, sequence), numbered by the
  // conversation's one owner: an ordering demand ("everyone sees messages in the same order") that made the log
  // archetype lead is kept by that record, so no broker cluster, consumer group or partition leader is drawn beside
  // it, unless the prompt asks for a log's own machinery (a topic, partitions, consumer offsets, Kafka)
  realizes: [
    {
      id: "I05",
      entity: "{Message}",
      demand: "every member sees a {conversation}'s {messages} in the same order",
      instead: "broker cluster",
      why: "each {message} takes its {conversation}'s next sequence number from the one owner of that {conversation} and is stored once under (conversation, sequence) in the message store; members read it by cursor, so the {conversation}'s rows are its ordered log and no broker cluster or consumer group is needed",
      unless: String.raw`\b(?:kafka|pulsar|kinesis|topics?|partitions?|consumer groups?|consumer offsets?|brokers?|commit log|event log|event stream\w*|message queues?|pub/?sub)\b`,
    },
  ],
  substrates: [
    {
      id: "I05",
      role: "substrate",
      why: "each conversation is an ordered append-only log read by cursor",
      scopes: {
        ordering: {
          scope: "key",
          why: "a {conversation}'s {messages} are ordered by the sequence its one owner assigns, and every member reads them in that order by cursor",
        },
        exclusivity: { scope: "key", why: "one owner per {conversation} at a time assigns its next sequence" },
        coordination: {
          scope: "key",
          why: "a send is deduplicated and numbered within its own {conversation}; {conversations} never coordinate with each other",
        },
      },
      stance:
        "a {message} takes its {conversation}'s next sequence number from the one owner of that {conversation}'s partition, so a {conversation} cut off from its owner takes no new sends until a replica with every acknowledged {message} takes over: the sender's app keeps the {message} and resends it under its client {message} id, which the owner drops as a repeat, while every other {conversation}, and the history already written, keeps working",
    },
    { id: "I10", role: "input", why: "the connection registry says which gateway holds each online device" },
    { id: "I09", role: "input", why: "sequence numbers are issued per conversation by its owner" },
  ],
  hotspot: {
    figure: "deliveries_per_sec",
    bottleneck:
      "Delivery fan-out: each {message} goes to every recipient device, through the gateways that hold their connections",
    mitigation:
      "route a {message} once to each connection gateway that holds a recipient, let the gateway fan out to its local sockets, and page large {conversations} from the store instead of pushing",
  },
  // a stated size of the largest {conversation} ("channels of up to 100,000 members") is the prompt's own scale: one
  // post to every online member of it is the load the prompt sized, where the total rate rests on assumed users
  otherHotspots: [
    {
      figure: "busiest_deliveries_per_sec",
      bottleneck:
        "The largest {conversation}: one {message} in it goes to every online member's devices, through every gateway that holds one of them",
      mitigation:
        "keep, per {conversation}, the set of gateways with a member connected (updated on connect and disconnect, never looked up per {message}), send each {message} once to each of those gateways to fan out to its local sockets, and let members who were away catch up from the {conversation}'s log by cursor",
    },
  ],
  capacity: {
    inputs: [
      inp("users", 500e6, "daily active users of a large messenger"),
      perUserDaily("messages_per_user_per_day", "messages", 40, "an active user sends a few dozen messages a day"),
      inp("recipients_per_message", 3, "most conversations are one-to-one; groups raise the average"),
      inp("message_bytes", 200, "a short text message with its ids and timestamps"),
      inp("online_share", 0.3, "the share of daily users connected at a peak moment"),
      inp("connections_per_gateway", 500000, "a tuned connection server holds hundreds of thousands of idle sockets"),
      // the largest conversation's member count: a stated per-conversation maximum ("channels of up to 100,000
      // members") where the prompt gives one, else a large group
      inp("max_participants", 1000, "a large group or channel holds about a thousand members"),
      {
        quantity: "posts_per_sec_in_busiest",
        typical: 1,
        why: "a busy large channel gets about a message a second at its peak",
        // "10 messages per second per room": the rate stated for one conversation is the busiest one's
        from: { expression: "messages_per_sec_per_key", why: "the rate the prompt states for one conversation" },
      },
    ],
    figures: [
      fig("messages_per_sec", "messages sent per second", "rate", "users * messages_per_user_per_day / 86400", "msg/s"),
      fig("peak_messages_per_sec", "peak messages per second", "peak", "messages_per_sec * peak_factor", "msg/s"),
      fig(
        "deliveries_per_sec",
        "device deliveries per second at peak",
        "fan-out",
        "peak_messages_per_sec * recipients_per_message",
        "msg/s",
      ),
      fig(
        "message_bytes_per_day",
        "message storage added per day",
        "growth",
        "users * messages_per_user_per_day * message_bytes",
        "B/day",
      ),
      fig("open_connections", "open connections at peak", "count", "users * online_share", "connections"),
      fig(
        "connection_gateways",
        "connection gateways needed",
        "count",
        "open_connections / connections_per_gateway / target_utilisation",
        "servers",
        true,
      ),
      // one post in the largest conversation reaches its online members, once per gateway that holds any of them
      fig(
        "busiest_post_deliveries",
        "device deliveries of one post in the largest conversation",
        "fan-out",
        "max_participants * online_share",
        "deliveries",
      ),
      fig(
        "busiest_post_gateways",
        "gateways one post in the largest conversation is sent to (once each)",
        "fan-out",
        "min(busiest_post_deliveries, connection_gateways)",
        "servers",
        true,
      ),
      fig(
        "busiest_deliveries_per_sec",
        "device deliveries a second from the busiest conversation",
        "fan-out",
        "busiest_post_deliveries * posts_per_sec_in_busiest",
        "msg/s",
      ),
    ],
  },
  decisions: [
    {
      id: "chat-ordering",
      question: "Order a conversation by a sequence the server assigns or by the senders' clocks?",
      options: [
        {
          id: "server-sequence",
          name: "per-conversation sequence assigned by the conversation's owner",
          buys: "every member sees the same order; gaps reveal missed messages",
          costs: "each conversation needs one owner at a time",
          winsWhen: "members must agree on the order (groups, edits, replies)",
        },
        {
          id: "client-timestamps",
          name: "sort by the sender's timestamp",
          buys: "no coordination",
          costs: "skewed phone clocks reorder messages differently on each device",
          winsWhen: "order barely matters (a broadcast feed of independent posts)",
        },
      ],
      rules: [],
      fallback: { option: "server-sequence", because: "a chat must read the same on every member's screen" },
    },
    {
      id: "chat-fanout",
      question: "Store a group message once per conversation or copy it into every member's inbox?",
      options: [
        {
          id: "per-conversation",
          name: "one log per conversation that members read by cursor",
          buys: "one write per message whatever the group size",
          costs: "a device syncs several conversation logs",
          winsWhen: "groups or channels are large",
        },
        {
          id: "per-recipient-inbox",
          name: "copy into each recipient's inbox",
          buys: "a device syncs one inbox",
          costs: "a write per member per message",
          winsWhen:
            "the prompt states that conversations are small (one-to-one and small groups) and a device must sync everything in one read",
          wins: [{ stated: "recipients_per_message" }, { number: "recipients_per_message", below: 10 }],
          // this feature draws the conversation log (its sequence, its sync by cursor, its repair from the log): an
          // inbox chosen beside them contradicts what the design draws
          implies: {
            excludes: [
              String.raw`/messages\?after=\{sequence\}`,
              String.raw`\blog holds the\b`,
              String.raw`\bsyncs from its last seen sequence\b`,
            ],
          },
        },
      ],
      rules: [
        {
          // only a stated group size decides it: an assumed average (most chats are one-to-one) does not turn the
          // conversation log this feature draws into inboxes
          when: [{ stated: "recipients_per_message" }, { number: "recipients_per_message", below: 10 }],
          option: "per-recipient-inbox",
          because: "conversations are small, so per-member copies are cheap and sync is one read",
        },
      ],
      fallback: {
        option: "per-conversation",
        because:
          "the message is sequenced by its conversation's owner and every device syncs that log from its own cursor, so one write serves every member",
      },
    },
  ],
  invariants: [
    {
      action: "send a {message} to a {conversation}",
      statement:
        "Each {message} takes the next sequence number from its {conversation}'s one owner, so every device shows the {conversation} in the same order; a resent {message} is stored once, by its client message id.",
      keptBy: "op-sequencer",
    },
  ],
  failures: [
    {
      failure: "The sender retries after a lost ack and the {message} appears twice",
      prevention: "a client-generated message id, deduplicated where the {conversation} log is written",
      repair: "devices drop a repeated id",
      role: "truth",
    },
    {
      failure:
        "The message service instance that owns a {conversation} crashes, so nothing assigns the {conversation}'s next sequence number",
      prevention:
        "each {conversation}'s ownership is a lease with an epoch, kept as the owner, epoch and expiry on its Conversation row in the message store and taken or renewed by a conditional write there, and the owner appends with a conditional write on the last sequence number it read, so an old owner that wakes up cannot write a second {message} at the same number",
      repair:
        "when the lease lapses another instance takes the {conversation} under a higher epoch, reads its last sequence number from the store and goes on; sends meanwhile are refused and the clients retry them with the same message id",
      role: "truth",
    },
    {
      failure: "A recipient's device is offline when the {message} is sent",
      prevention: "the device syncs from its last seen sequence number on reconnect, so it misses nothing while away",
      repair: "nothing to repair: the {conversation} log holds the {message}",
      role: "truth",
    },
    {
      failure: "The connection server holding a user's socket dies",
      prevention: "clients reconnect to another server and resume from their last sequence number",
      repair: "the presence entry of the dead server's users expires",
      role: "coordination",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "Apache Cassandra",
      fits: "{messages} partitioned by {conversation} and ordered by sequence number",
    },
    {
      // Amazon DynamoDB developer guide, Condition expressions: a put conditional on attribute_not_exists is checked
      // by the item's partition in the same request, so the owner's append at the next number needs no extra round
      layer: "storage",
      product: "Amazon DynamoDB",
      fits: "{messages} keyed by {conversation} with the sequence number as sort key, each append a put conditional on that number being free",
    },
    {
      layer: "serving",
      product: "Redis pub/sub",
      fits: "routes a {message} to the connection server that holds the recipient's socket",
    },
  ],
  topology: {
    components: [
      {
        id: "chat-gateway",
        name: "Connection gateways (WebSocket)",
        kind: "gateway",
        runs: ["hold device connections", "push messages", "receive sends"],
        because: "online devices keep one long-lived connection so delivery is a push, not a poll",
      },
      {
        id: "chat-service",
        name: "Message service (owner per conversation)",
        kind: "service",
        runs: ["assign sequence", "append", "route once per gateway that holds members"],
        because:
          "one owner per conversation is the only place its sequence is assigned, so the order every member sees is the order it appended in; it dedups retries by client message id and sends each message once to each gateway holding members, which pushes it to its own sockets",
      },
      {
        id: "message-store",
        name: "Message store (partitioned by conversation)",
        kind: "store",
        holds: ["Message", "Conversation", "ConversationMember", "Receipt"],
        because: "the durable log each device syncs from by its last seen sequence",
      },
      {
        id: "connection-registry",
        name: "Connection registry",
        kind: "store",
        holds: ["DeviceConnection"],
        because: "maps each online device to its gateway, with expiry when heartbeats stop",
      },
    ],
    links: [
      { from: "client", to: "chat-gateway", kind: "stream", label: "WebSocket: send / receive" },
      { from: "chat-gateway", to: "chat-service", kind: "request", label: "send message" },
      { from: "chat-service", to: "message-store", kind: "request", label: "append with next sequence" },
      { from: "chat-service", to: "connection-registry", kind: "request", label: "find recipients' gateways" },
      { from: "chat-service", to: "chat-gateway", kind: "callback", label: "push to online devices" },
      { from: "gateway", to: "chat-service", kind: "request", label: "sync since sequence" },
    ],
    api: [
      {
        operation: "send a {message}",
        call: "POST /v1/conversations/{conversation_id}/messages",
        request: ["conversation_id", "client_message_id", "body"],
        response: ["sequence", "sent_at"],
        errors: ["403 not a member", "409 duplicate client_message_id (returns the first sequence)"],
        guarantee: "acknowledged after the append is durable; one sequence per client_message_id",
      },
      {
        operation: "sync {messages}",
        call: "GET /v1/conversations/{conversation_id}/messages?after={sequence}",
        request: ["conversation_id", "after"],
        response: ["messages[]", "last_sequence"],
        errors: ["403 not a member"],
        guarantee: "returns every message after the cursor, in sequence order",
      },
      {
        operation: "acknowledge read",
        call: "PUT /v1/conversations/{conversation_id}/receipts",
        request: ["conversation_id", "device_id", "read_up_to"],
        response: ["read_up_to"],
        errors: [],
        guarantee: "monotonic: a lower sequence never overwrites a higher one",
      },
    ],
    dataModel: [
      {
        entity: "Conversation",
        key: ["conversation_id"],
        fields: ["kind (direct | group)", "last_sequence", "owner_instance", "owner_epoch", "lease_expires_at"],
        indexes: [],
        partitionKey: "conversation_id",
        owner: "message-store",
      },
      {
        entity: "Message",
        key: ["conversation_id", "sequence"],
        fields: ["sender_id", "client_message_id", "body", "sent_at"],
        indexes: ["(conversation_id, client_message_id) unique"],
        partitionKey: "conversation_id",
        owner: "message-store",
      },
      {
        entity: "ConversationMember",
        key: ["conversation_id", "user_id"],
        fields: ["role", "joined_at"],
        indexes: ["(user_id, conversation_id)"],
        partitionKey: "conversation_id",
        owner: "message-store",
      },
      {
        entity: "Receipt",
        key: ["conversation_id", "user_id", "device_id"],
        fields: ["delivered_up_to", "read_up_to"],
        indexes: [],
        partitionKey: "conversation_id",
        owner: "message-store",
      },
    ],
    entry: "chat-gateway",
    stateOwner: "message-store",
    protocols: CHAT_PROTOCOLS,
  },
};
