/**
 * Named products and the features they are known for, with the words each product uses for the
 * features' generic terms (a Twitter post is a tweet; an Eventbrite item is a ticket). This is the
 * one list of product names: the branch recogniser reads its names and weights (knowledge/branch.ts
 * derives PRODUCT_NAMES from it) and a product's substrate archetypes are those of its features.
 * Recognition looks the names up as named systems (contiguous words, one typo allowed).
 */
export interface NamedProduct {
  name: string;
  aliases?: string[];
  /**
   * How strongly naming the product makes a prompt product-first (1.0 settles it). A low weight
   * (below 0.5, with a note) marks products interviews usually treat as an infra substrate.
   */
  weight: number;
  /** Why the weight is low; required below 0.5. */
  note?: string;
  /** Feature ids, the product's core first; empty when the catalogue has no feature for its core. */
  features: string[];
  /**
   * How many of the leading features are the product itself (1 when absent): Dropbox is file sync, Ticketmaster
   * seat holds. The rest are what the product is also known for (search, notifications): a design takes one only
   * when the prompt names it or a kept feature needs it, and otherwise lists it once as deferred.
   */
  core?: number;
  /** Renamings of feature terms ({post} -> "tweet"); a plural may be given as its own term ("posts"). */
  terms: Record<string, string>;
}

/** A named product's core: its leading features (the product itself); the rest are what it is also known for. */
export const coreFeatures = (p: Pick<NamedProduct, "features" | "core">): readonly string[] =>
  p.features.slice(0, p.core ?? 1);

export const PRODUCTS: readonly NamedProduct[] = [
  {
    name: "Twitter",
    weight: 0.9,
    aliases: ["twitter clone", "tweeter"],
    features: ["feed", "graph", "media", "counters", "search", "notifications"],
    core: 2,
    terms: {
      post: "tweet",
      feed: "home timeline",
      item: "tweet",
      doc: "tweet",
      media: "image",
      alert: "reply or mention",
    },
  },
  {
    name: "Instagram",
    weight: 0.9,
    features: ["media", "feed", "graph", "counters", "notifications"],
    core: 4,
    terms: { post: "photo post", feed: "home feed", item: "photo post", media: "photo", alert: "like or comment" },
  },
  {
    name: "Facebook",
    weight: 0.9,
    aliases: ["facebook news feed"],
    features: ["feed", "graph", "media", "counters", "chat", "notifications"],
    core: 2,
    terms: {
      post: "status update",
      feed: "news feed",
      item: "post",
      follow: "friend",
      unfollow: "unfriend",
      follows: "is friends with",
      media: "photo",
    },
  },
  {
    name: "LinkedIn",
    weight: 0.9,
    features: ["feed", "graph", "search", "chat", "notifications"],
    core: 2,
    terms: {
      post: "post",
      feed: "news feed",
      follow: "connect with",
      unfollow: "remove the connection with",
      follows: "is connected to",
      user: "member",
      doc: "member profile",
    },
  },
  {
    name: "WhatsApp",
    weight: 0.8,
    aliases: ["whats app"],
    features: ["chat", "presence", "media", "notifications"],
    core: 2,
    terms: { message: "message", conversation: "chat", media: "photo", alert: "message" },
  },
  {
    name: "Facebook Messenger",
    weight: 0.8,
    aliases: ["messenger"],
    features: ["chat", "presence", "media", "notifications"],
    core: 2,
    terms: { message: "message", conversation: "conversation", media: "photo", alert: "message" },
  },
  {
    name: "Telegram",
    weight: 0.8,
    features: ["chat", "presence", "media", "notifications"],
    core: 2,
    terms: { alert: "message" },
  },
  {
    name: "Slack",
    weight: 0.5,
    note: "Usually asked as a messaging product, but the interesting part is a real-time messaging substrate (I05 with I10).",
    features: ["chat", "presence", "search", "notifications"],
    core: 2,
    terms: { message: "message", conversation: "channel", doc: "message", alert: "mention" },
  },
  {
    name: "Discord",
    weight: 0.5,
    note: "Same shape as Slack: a chat product whose core is fan-out messaging plus presence.",
    features: ["chat", "presence", "notifications"],
    core: 2,
    terms: { message: "message", conversation: "channel", alert: "mention" },
  },
  {
    name: "Microsoft Teams",
    weight: 0.7,
    features: ["chat", "presence", "calendar", "notifications"],
    core: 2,
    terms: { conversation: "channel", event: "meeting" },
  },
  {
    name: "Netflix",
    weight: 0.8,
    // a curated catalogue encoded by the service itself: members upload nothing, so no user media feature
    features: ["playback", "search"],
    terms: { title: "show", viewer: "member", doc: "show" },
  },
  {
    name: "YouTube",
    weight: 0.8,
    features: ["media", "playback", "search", "counters", "notifications"],
    core: 2,
    terms: { media: "video", title: "video", item: "video", doc: "video", alert: "upload from a followed channel" },
  },
  {
    name: "TikTok",
    weight: 0.9,
    aliases: ["tik tok"],
    features: ["media", "feed", "counters", "graph", "playback"],
    core: 3,
    terms: { media: "video", post: "video", feed: "following feed", item: "video", title: "video" },
  },
  {
    name: "Spotify",
    weight: 0.8,
    features: ["music", "search"],
    terms: { track: "song", doc: "song" },
  },
  {
    name: "Apple Music",
    weight: 0.8,
    features: ["music", "search"],
    terms: { track: "song", doc: "song" },
  },
  {
    name: "Deezer",
    weight: 0.8,
    features: ["music", "search"],
    terms: { track: "track", doc: "track" },
  },
  {
    name: "Pinterest",
    weight: 0.9,
    features: ["media", "feed", "graph", "search", "counters"],
    core: 5,
    terms: {
      media: "image",
      post: "pin",
      feed: "home feed",
      doc: "pin",
      item: "pin",
      like: "save",
      reaction: "save",
      user: "board",
    },
  },
  {
    name: "Reddit",
    weight: 0.9,
    features: ["ranking", "search", "notifications", "media"],
    terms: { post: "post", community: "subreddit", doc: "post", media: "image", alert: "reply" },
  },
  {
    name: "Hacker News",
    weight: 0.8,
    features: ["ranking", "search"],
    terms: { post: "story", community: "front page", doc: "story" },
  },
  {
    name: "Quora",
    weight: 0.9,
    // a question-and-answer site whose users also follow topics and people (the feed and the graph)
    features: ["qa", "search", "feed", "graph", "notifications"],
    core: 2,
    terms: { question: "question", answer: "answer", feed: "home feed", doc: "question", alert: "answer" },
  },
  {
    name: "Stack Overflow",
    weight: 0.8,
    aliases: ["stackoverflow"],
    features: ["qa", "search", "notifications"],
    terms: { question: "question", answer: "answer", doc: "question", alert: "answer" },
  },

  {
    name: "Dropbox",
    weight: 0.3,
    note: "In interviews this is file sync and storage (I19 with I14), so it leans infra-first.",
    features: ["file-sync", "search", "notifications"],
    terms: { file: "file", doc: "file", alert: "shared-folder change" },
  },
  {
    name: "Google Drive",
    weight: 0.3,
    note: "Treated like Dropbox: a file storage substrate with a thin product on top.",
    aliases: ["onedrive", "icloud drive"],
    features: ["file-sync", "search", "collab-docs"],
    terms: { file: "file", doc: "file" },
  },
  {
    name: "Google Docs",
    aliases: ["google sheets"],
    weight: 0.3,
    note: "Asked as collaborative editing, which is the shared subject coordination archetype (I13).",
    // a document's presence and sharing are the collaborative-editing feature's own (collab-docs.ts)
    features: ["collab-docs", "search"],
    terms: { doc: "document" },
  },
  {
    name: "Figma",
    weight: 0.3,
    note: "A collaborative canvas; the core problem is shared subject coordination (I13).",
    features: ["collab-docs", "search"],
    terms: { doc: "design file" },
  },
  {
    name: "Notion",
    weight: 0.4,
    note: "Collaborative pages; mostly I13 plus ordinary document storage.",
    features: ["collab-docs", "search"],
    terms: { doc: "page" },
  },
  {
    name: "Google Calendar",
    weight: 0.7,
    aliases: ["calendly", "outlook calendar"],
    features: ["calendar", "notifications"],
    terms: { event: "meeting" },
  },
  {
    name: "Uber",
    weight: 0.9,
    features: ["matching", "proximity", "reviews", "notifications"],
    terms: {
      trip: "ride",
      driver: "driver",
      rider: "rider",
      place: "driver",
      subject: "driver",
      alert: "driver arrival",
    },
  },
  {
    name: "Lyft",
    weight: 0.9,
    features: ["matching", "proximity", "reviews", "notifications"],
    terms: {
      trip: "ride",
      driver: "driver",
      rider: "rider",
      place: "driver",
      subject: "driver",
      alert: "driver arrival",
    },
  },
  {
    name: "DoorDash",
    weight: 0.9,
    aliases: ["door dash", "uber eats", "grubhub"],
    features: ["checkout", "fulfilment", "matching", "proximity", "reviews", "notifications"],
    core: 2,
    terms: {
      merchant: "restaurant",
      order: "food order",
      product: "dish",
      trip: "delivery",
      driver: "courier",
      rider: "customer",
      place: "restaurant",
      subject: "restaurant",
      alert: "order status change",
    },
  },
  {
    name: "Eventbrite",
    weight: 0.9,
    features: ["booking", "search", "notifications"],
    terms: { item: "ticket", slot: "event", booking: "ticket order", doc: "event", alert: "ticket confirmation" },
  },
  {
    name: "Ticketmaster",
    weight: 0.9,
    aliases: ["bookmyshow"],
    features: ["booking", "search", "notifications"],
    terms: { item: "seat", slot: "show", booking: "ticket order", doc: "event", alert: "ticket confirmation" },
  },
  {
    name: "Booking.com",
    weight: 0.8,
    aliases: ["booking com", "expedia", "hotels.com"],
    features: ["stay", "search", "proximity", "reviews", "notifications"],
    core: 3,
    terms: {
      property: "hotel",
      room: "room",
      reservation: "reservation",
      doc: "hotel",
      place: "hotel",
      subject: "hotel",
      alert: "reservation confirmation",
    },
  },
  {
    name: "Airbnb",
    weight: 0.9,
    features: ["stay", "search", "proximity", "reviews", "chat"],
    core: 3,
    terms: {
      property: "listing",
      room: "listing",
      reservation: "reservation",
      doc: "listing",
      place: "listing",
      subject: "listing",
      conversation: "host conversation",
    },
  },
  {
    name: "OpenTable",
    weight: 0.9,
    aliases: ["open table"],
    features: ["booking", "search", "reviews"],
    terms: { item: "table", slot: "time slot", booking: "reservation", doc: "restaurant", subject: "restaurant" },
  },
  {
    name: "Strava",
    weight: 0.9,
    features: ["feed", "graph", "counters", "leaderboard", "notifications"],
    core: 3,
    terms: {
      player: "athlete",
      board: "segment leaderboard",
      post: "activity",
      posts: "activities",
      feed: "activity feed",
      user: "athlete",
      item: "activity",
      items: "activities",
      like: "give kudos to",
      reaction: "kudos",
      reactions: "kudos",
      alert: "kudos or comment",
    },
  },
  {
    name: "Venmo",
    weight: 0.7,
    aliases: ["cash app", "zelle"],
    features: ["transfer", "feed", "graph", "notifications"],
    core: 2,
    terms: {
      payment: "payment",
      post: "payment story",
      feed: "friends feed",
      user: "friend",
      alert: "payment received",
    },
  },
  // feedback.splitwise.com, "What does the simplify debts setting do?": groups of people record shared expenses and
  // the app restructures who owes whom; it keeps the debts, the members pay each other outside it
  {
    name: "Splitwise",
    weight: 0.9,
    features: ["shared-expenses", "notifications"],
    terms: { member: "friend" },
  },
  {
    name: "Amazon",
    weight: 0.4,
    note: "The shop is a product prompt, but the word also prefixes infra names (Amazon S3, Amazon SQS); a longer system match should win.",
    aliases: ["amazon.com"],
    features: ["checkout", "search", "reviews", "notifications"],
    core: 2,
    terms: { order: "order", product: "product", doc: "product", subject: "product", alert: "shipping update" },
  },
  {
    name: "Yelp",
    weight: 0.9,
    features: ["proximity", "reviews", "search", "media"],
    core: 3,
    terms: { place: "business", subject: "business", doc: "business", media: "photo" },
  },
  {
    name: "Tinder",
    weight: 0.9,
    features: ["proximity", "counters", "chat"],
    terms: { place: "profile", item: "profile", like: "swipe right on", reaction: "right swipe" },
  },
  {
    name: "Snapchat",
    weight: 0.9,
    features: ["media", "chat", "graph", "notifications"],
    core: 2,
    terms: { media: "snap", message: "snap", follow: "add", unfollow: "remove", follows: "has added", user: "friend" },
  },
  {
    name: "WeChat",
    weight: 0.8,
    features: ["chat", "presence", "transfer", "media", "notifications"],
    terms: { conversation: "chat", media: "photo", alert: "message" },
  },
  {
    name: "Twitch",
    weight: 0.8,
    features: ["playback", "chat", "graph", "notifications"],
    core: 2,
    terms: {
      title: "stream",
      viewer: "viewer",
      conversation: "stream chat",
      alert: "live stream from a followed channel",
    },
  },
  {
    name: "Tumblr",
    weight: 0.8,
    features: ["feed", "graph", "media", "counters", "notifications"],
    core: 2,
    terms: { post: "post", feed: "dashboard", media: "image" },
  },
  {
    name: "Flickr",
    weight: 0.8,
    features: ["media", "search", "graph", "counters"],
    terms: { media: "photo", item: "photo", doc: "photo" },
  },
  {
    name: "Google Photos",
    weight: 0.6,
    features: ["media", "search", "file-sync"],
    terms: { media: "photo", doc: "photo", file: "photo" },
  },
  {
    name: "Etsy",
    weight: 0.9,
    features: ["checkout", "search", "reviews", "notifications"],
    core: 2,
    terms: { product: "listing", doc: "listing", subject: "shop", alert: "order update" },
  },
  {
    name: "Shopify",
    weight: 0.7,
    features: ["checkout", "search", "notifications"],
    terms: { product: "product", doc: "product", alert: "order update" },
  },
  {
    name: "Craigslist",
    weight: 0.9,
    features: ["search", "proximity", "chat"],
    core: 2,
    terms: { doc: "listing", place: "listing", conversation: "reply thread" },
  },
  {
    name: "Instacart",
    weight: 0.9,
    features: ["checkout", "fulfilment", "matching", "proximity", "notifications"],
    core: 2,
    terms: {
      merchant: "store",
      menu: "catalogue",
      order: "grocery order",
      product: "grocery item",
      trip: "delivery",
      driver: "shopper",
      rider: "customer",
      place: "store",
      alert: "order status change",
    },
  },
  {
    name: "Zillow",
    weight: 0.9,
    features: ["search", "proximity", "media"],
    core: 2,
    terms: { doc: "home listing", place: "home", media: "photo" },
  },
  {
    name: "Zoom",
    weight: 0.6,
    note: "Asked as video meetings: the live audio and video of a meeting are I13's video-conference subject (signalling, placement on SFUs, selective forwarding), whose participants are the meeting's own, so no presence, chat or scheduling feature is drawn beside it.",
    features: [],
    terms: {},
  },
  { name: "Robinhood", weight: 0.8, features: [], terms: {} },
  { name: "Trello", weight: 0.8, features: [], terms: {} },
  { name: "Google Maps", weight: 0.7, features: [], terms: {} },
  { name: "Gmail", weight: 0.6, features: [], terms: {} },
  {
    name: "PayPal",
    weight: 0.4,
    note: "Usually a payments prompt, which is workflow with external side effects (I12) more than a product feature.",
    features: ["transfer", "notifications"],
    terms: { alert: "payment received" },
  },
  {
    name: "Stripe",
    weight: 0.2,
    note: "A payments API: prompts about it are payment infrastructure (I12 with I09 and I16).",
    features: [],
    terms: {},
  },
  {
    name: "TinyURL",
    aliases: ["tiny url"],
    weight: 0.3,
    note: "A URL shortener: asked as generating short codes that never collide (I09) over a key-value store (I16), with a cache for redirects (I07).",
    features: [],
    terms: {},
  },
  {
    name: "GitHub",
    weight: 0.3,
    note: "Usually asked as code or artifact hosting (I14 with I19), not as a social product.",
    features: [],
    terms: {},
  },
  {
    name: "Google Search",
    weight: 0.3,
    note: "Web search is a crawl frontier plus an index pipeline (I04 with I06), an infra-first shape.",
    features: [],
    terms: {},
  },
];
