/**
 * Named products and the features they are known for, with the words each product uses for the
 * features' generic terms (a Twitter post is a tweet; an Eventbrite item is a ticket). Recognition
 * looks the names up as named systems (contiguous words, one typo allowed).
 */
export interface NamedProduct {
  name: string;
  aliases?: string[];
  /** Feature ids, the product's core first. */
  features: string[];
  /** Renamings of feature terms ({post} -> "tweet"); a plural may be given as its own term ("posts"). */
  terms: Record<string, string>;
}

export const PRODUCTS: readonly NamedProduct[] = [
  {
    name: "Twitter",
    aliases: ["twitter clone", "tweeter"],
    features: ["feed", "graph", "media", "counters", "search", "notifications"],
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
    features: ["media", "feed", "graph", "counters", "notifications"],
    terms: { post: "photo post", feed: "home feed", item: "photo post", media: "photo", alert: "like or comment" },
  },
  {
    name: "Facebook",
    aliases: ["facebook news feed"],
    features: ["feed", "graph", "media", "counters", "chat", "notifications"],
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
    features: ["feed", "graph", "search", "chat", "notifications"],
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
    aliases: ["whats app"],
    features: ["chat", "presence", "media", "notifications"],
    terms: { message: "message", conversation: "chat", media: "photo", alert: "message" },
  },
  {
    name: "Facebook Messenger",
    aliases: ["messenger"],
    features: ["chat", "presence", "media", "notifications"],
    terms: { message: "message", conversation: "conversation", media: "photo", alert: "message" },
  },
  { name: "Telegram", features: ["chat", "presence", "media", "notifications"], terms: { alert: "message" } },
  {
    name: "Slack",
    features: ["chat", "presence", "search", "notifications"],
    terms: { message: "message", conversation: "channel", doc: "message", alert: "mention" },
  },
  {
    name: "Discord",
    features: ["chat", "presence", "notifications"],
    terms: { message: "message", conversation: "channel", alert: "mention" },
  },
  {
    name: "Microsoft Teams",
    features: ["chat", "presence", "calendar", "notifications"],
    terms: { conversation: "channel", event: "meeting" },
  },
  {
    name: "Netflix",
    features: ["playback", "search", "media"],
    terms: { title: "show", viewer: "member", doc: "show", media: "video master" },
  },
  {
    name: "YouTube",
    features: ["media", "playback", "search", "counters", "notifications"],
    terms: { media: "video", title: "video", item: "video", doc: "video", alert: "new upload" },
  },
  {
    name: "TikTok",
    aliases: ["tik tok"],
    features: ["media", "feed", "counters", "graph", "playback"],
    terms: { media: "video", post: "video", feed: "following feed", item: "video", title: "video" },
  },
  {
    name: "Spotify",
    features: ["playback", "search"],
    terms: { title: "song", viewer: "listener", doc: "song" },
  },
  {
    name: "Pinterest",
    features: ["media", "feed", "graph", "search", "counters"],
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
    features: ["ranking", "search", "notifications", "media"],
    terms: { post: "post", community: "subreddit", doc: "post", media: "image", alert: "reply" },
  },
  {
    name: "Hacker News",
    features: ["ranking", "search"],
    terms: { post: "story", community: "front page", doc: "story" },
  },
  {
    name: "Quora",
    features: ["ranking", "feed", "search", "graph", "notifications"],
    terms: { post: "answer", community: "question", feed: "home feed", doc: "question", alert: "new answer" },
  },
  {
    name: "Stack Overflow",
    aliases: ["stackoverflow"],
    features: ["ranking", "search", "notifications"],
    terms: { post: "answer", community: "question", doc: "question", alert: "new answer" },
  },
  {
    name: "Dropbox",
    features: ["file-sync", "search", "notifications"],
    terms: { file: "file", doc: "file", alert: "shared-folder change" },
  },
  {
    name: "Google Drive",
    aliases: ["onedrive"],
    features: ["file-sync", "search", "collab-docs"],
    terms: { file: "file", doc: "file" },
  },
  {
    name: "Google Docs",
    features: ["collab-docs", "presence", "file-sync"],
    terms: { doc: "document", file: "document" },
  },
  { name: "Figma", features: ["collab-docs", "presence"], terms: { doc: "design file" } },
  { name: "Notion", features: ["collab-docs", "search", "presence"], terms: { doc: "page" } },
  {
    name: "Google Calendar",
    aliases: ["calendly", "outlook calendar"],
    features: ["calendar", "notifications"],
    terms: { event: "meeting" },
  },
  {
    name: "Uber",
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
    aliases: ["door dash", "uber eats", "grubhub"],
    features: ["checkout", "matching", "proximity", "reviews", "notifications"],
    terms: {
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
    features: ["booking", "search", "notifications"],
    terms: { item: "ticket", slot: "event", booking: "ticket order", doc: "event", alert: "ticket confirmation" },
  },
  {
    name: "Ticketmaster",
    aliases: ["bookmyshow"],
    features: ["booking", "search", "notifications"],
    terms: { item: "seat", slot: "show", booking: "ticket order", doc: "event", alert: "ticket confirmation" },
  },
  {
    name: "Booking.com",
    aliases: ["booking com", "expedia", "hotels.com"],
    features: ["booking", "search", "proximity", "reviews", "notifications"],
    terms: {
      item: "room",
      slot: "date range",
      booking: "reservation",
      doc: "hotel",
      place: "hotel",
      subject: "hotel",
      alert: "reservation confirmation",
    },
  },
  {
    name: "Airbnb",
    features: ["booking", "search", "proximity", "reviews", "chat"],
    terms: {
      item: "listing night",
      slot: "date range",
      booking: "reservation",
      doc: "listing",
      place: "listing",
      subject: "listing",
      conversation: "host conversation",
    },
  },
  {
    name: "OpenTable",
    aliases: ["open table"],
    features: ["booking", "search", "reviews"],
    terms: { item: "table", slot: "time slot", booking: "reservation", doc: "restaurant", subject: "restaurant" },
  },
  {
    name: "Strava",
    features: ["feed", "graph", "counters", "leaderboard", "notifications"],
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
    aliases: ["cash app", "zelle"],
    features: ["transfer", "feed", "graph", "notifications"],
    terms: {
      payment: "payment",
      post: "payment story",
      feed: "friends feed",
      user: "friend",
      alert: "payment received",
    },
  },
  {
    name: "Amazon",
    aliases: ["amazon.com"],
    features: ["checkout", "search", "reviews", "notifications"],
    terms: { order: "order", product: "product", doc: "product", subject: "product", alert: "shipping update" },
  },
  {
    name: "Yelp",
    features: ["proximity", "reviews", "search", "media"],
    terms: { place: "business", subject: "business", doc: "business", media: "photo" },
  },
  {
    name: "Tinder",
    features: ["proximity", "counters", "chat"],
    terms: { place: "profile", item: "profile", like: "swipe right on", reaction: "right swipe" },
  },
  {
    name: "Snapchat",
    features: ["media", "chat", "graph", "notifications"],
    terms: { media: "snap", message: "snap", follow: "add", unfollow: "remove", follows: "has added", user: "friend" },
  },
];
