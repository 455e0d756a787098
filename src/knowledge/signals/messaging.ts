import type { ArchetypeId } from "../schema.js";

/**
 * Whom "messaging" is said of. The word names two different things: people messaging each other (a group messaging
 * service, a messenger, friends who message each other, direct messages, DMs) is the chat product, a conversation's
 * messages numbered by its owner and delivered to its members' devices (knowledge/features/chat.ts); messaging between
 * programs (a messaging system for microservices, a pub/sub messaging backbone, producers messaging consumers) is a
 * broker's durable log read by consumers (I05). The prompt's words nearest to the messaging words, within their
 * sentence, say whom it is said of: a word for people, or a word for programs and a broker's parts. The engine's reader
 * is `engine/recognize/messaging.ts`.
 */

/**
 * The messaging words, as written (lower case): each alternative matches written words in a row (pieces of the
 * tokenizer's text, a mark ending the run). A bare "message" or "messages" is no messaging word: a queue's records are
 * messages as much as a chat's.
 */
export const MESSAGING_WORDS: readonly (readonly string[])[] = [
  ["messaging"],
  ["messenger"],
  ["messengers"],
  ["direct", "message"],
  ["direct", "messages"],
  ["direct", "messaging"],
  ["dm"],
  ["dms"],
  ...["message", "messages", "messaged", "text", "texts", "texted", "texting"].flatMap((verb) => [
    [verb, "each", "other"],
    [verb, "one", "another"],
  ]),
];

/** Words for people who message each other (a sender or a conversation of people), singular and plural. */
export const PEOPLE_SENDERS: readonly string[] = [
  "member",
  "members",
  "user",
  "users",
  "friend",
  "friends",
  "group",
  "groups",
  "conversation",
  "conversations",
  "contact",
  "contacts",
  "team",
  "teams",
  "teammates",
  "colleagues",
  "coworkers",
  "employees",
  "customer",
  "customers",
  "agent",
  "agents",
  "people",
  "person",
  "family",
  "families",
  "neighbours",
  "neighbors",
  "buyer",
  "buyers",
  "seller",
  "sellers",
  "students",
  "parents",
  "teachers",
  "patients",
  "players",
  "participants",
  "couples",
  "staff",
  "attendees",
  "guests",
  "recruiters",
  "candidates",
  "doctors",
  "nurses",
  "drivers",
  "riders",
  "workplace",
  "one-to-one",
];

/**
 * Words for programs that pass messages and a broker's parts: messaging said of them is a broker's log. Only plurals of
 * "service" and "system": a messaging service or system is what the head asks for, whoever sends the messages. Not a
 * singular "event", which as often says what kind of people ("event attendees message each other"). A people word right
 * before one of these only says whose ("customer events"), so the pair reads as programs.
 */
export const SYSTEM_SENDERS: readonly string[] = [
  "services",
  "microservice",
  "microservices",
  "systems",
  "applications",
  "backends",
  "servers",
  "machines",
  "sensors",
  "components",
  "events",
  "producer",
  "producers",
  "consumer",
  "consumers",
  "publisher",
  "publishers",
  "subscriber",
  "subscribers",
  "subscriptions",
  "topic",
  "topics",
  "queue",
  "queues",
  "queueing",
  "queuing",
  "broker",
  "brokers",
  "pub/sub",
  "pubsub",
  "publish-subscribe",
  "partition",
  "partitions",
  "offset",
  "offsets",
  "stream",
  "streams",
  "streaming",
  "backbone",
  "bus",
  "middleware",
  "substrate",
  "infrastructure",
  "kafka",
  "rabbitmq",
  "amqp",
  "mqtt",
  "jms",
  "iot",
];

/** How many written words either side of the messaging words a sender word may stand, within one sentence. */
export const MESSAGING_REACH = 8;

/** What people messaging each other is, said where the reading is quoted. */
export const PEOPLE_MESSAGING_WHY =
  "people messaging each other is the chat product: each conversation's messages numbered in one order by its owner and delivered to its members' devices";

/** What messaging between programs is, said where the reading is quoted. */
export const SYSTEM_MESSAGING_WHY =
  "messaging between programs is a broker's durable log that producers append to and consumers read, not people's conversations";

/** The archetype messaging said of programs names, with its sender word: a broker's durable log read by consumers. */
export const PROGRAMS_MESSAGING: ArchetypeId = "I05";

/** The product signal's weight for people messaging: as much as "group chat" (knowledge/branch.ts). */
export const PEOPLE_MESSAGING_WEIGHT = 0.7;
