import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

export const CALENDAR: FeatureEntry = {
  id: "calendar",
  name: "Calendars and recurring events",
  summary:
    "An event is stored once with its recurrence rule (RFC 5545 RRULE) and its time zone; views expand the rule into occurrences for the window asked, exceptions override single occurrences, and reminders are due-time jobs.",
  signals: [
    "calendar",
    "recurring event",
    "recurring meeting",
    "schedule meetings",
    "meeting invites",
    "rsvp",
    "availability slots",
  ],
  terms: { event: "event" },
  actions: [
    {
      action: "create an {event} with a recurrence rule",
      shape: "create target",
      entity: "CalendarEvent",
      critical: true,
      substrate: "I16",
      mechanism: "insert-primary",
    },
    {
      action: "view a calendar for a week",
      shape: "read projection",
      entity: "Occurrence",
      critical: false,
      substrate: "I06",
    },
    {
      action: "invite people and record their replies",
      shape: "overwrite current value",
      entity: "Attendance",
      critical: false,
      substrate: "I16",
      mechanism: "versioned-overwrite",
    },
    {
      action: "edit or cancel one occurrence of a series",
      shape: "create target",
      entity: "Exception",
      critical: false,
      substrate: "I16",
    },
    {
      action: "send a reminder before each occurrence",
      shape: "async process",
      entity: "Reminder",
      critical: false,
      hidden: true,
      substrate: "I03",
      mechanism: "due-time-index",
    },
  ],
  entities: [
    { name: "CalendarEvent", description: "title, start, duration, IANA time zone, RRULE, organiser, version" },
    { name: "Exception", description: "an override or cancellation of one occurrence of a series" },
    { name: "Occurrence", description: "one expanded instance in a window (derived, not stored forever)" },
    { name: "Attendance", description: "(event, attendee) -> invited / accepted / declined" },
    { name: "Reminder", description: "a due time per upcoming occurrence and attendee" },
  ],
  nfrs: [
    "an {event} shows at the right local time across daylight-saving changes (store the zone, not just an offset)",
    "concurrent edits by organiser and attendees do not silently overwrite each other",
    "reminders fire once, close to their due time",
  ],
  substrates: [
    { id: "I16", role: "substrate", why: "events and replies are key-scoped records with versions" },
    { id: "I03", role: "output", why: "reminders are due-time jobs" },
    { id: "I06", role: "output", why: "a week view is a projection expanded from rules and exceptions" },
  ],
  // finding a time reads every invitee's busy times over the window (Google Calendar's free/busy query answers for
  // at most 50 calendars and refuses a group of more than 100 members: Calendar API v3 reference, freebusy.query),
  // and with rules expanded on read each of those calendars expands its series for the window
  hotspot: {
    topic: "meetings",
    figure: "freebusy_reads_per_sec",
    bottleneck:
      "Free/busy across invitees: finding a time for one meeting reads every invitee's calendar over the window, and each of those reads expands the calendar's recurring series, so one scheduling request fans out over its attendees",
    mitigation:
      "keep each calendar's busy intervals for the next few weeks as a small cached projection refreshed when one of its {events} changes, so a free/busy read returns one entry per invitee without expanding any rule; read the invitees' partitions in parallel, and cap how many calendars one query may name and how large a group it expands",
  },
  capacity: {
    inputs: [
      inp("users", 100e6, "calendar users"),
      inp("series_per_user", 200, "events and recurring series per calendar"),
      inp("event_bytes", 1000, "title, times, zone, rule and attendees"),
      inp("calendar_views_per_user_per_day", 5, "people check their calendar a few times a day"),
      {
        quantity: "meetings_scheduled_per_user_per_day",
        label: "meetings each user schedules a day",
        unit: "meetings/day",
        typical: 0.5,
        why: "a working user sets up a meeting every other day or so; most events are received, not organised (a planning figure)",
      },
      {
        quantity: "invitees_per_meeting",
        label: "invitees whose free/busy one meeting checks",
        unit: "calendars",
        typical: 6,
        why: "a typical meeting invites a handful of people, each of whose calendars is checked to find a time (a planning figure)",
      },
    ],
    figures: [
      fig("stored_series", "event rows stored (one per series)", "count", "users * series_per_user", "events"),
      fig("event_bytes_total", "event storage", "storage", "stored_series * event_bytes", "B"),
      fig(
        "window_reads_per_sec",
        "calendar window reads per second",
        "rate",
        "users * calendar_views_per_user_per_day / 86400",
        "reads/s",
      ),
      fig(
        "freebusy_reads_per_sec",
        "invitee calendars read a second at peak to find meeting times",
        "peak",
        "users * meetings_scheduled_per_user_per_day * invitees_per_meeting / 86400 * peak_factor",
        "reads/s",
      ),
    ],
  },
  decisions: [
    {
      id: "recurrence-storage",
      question: "Store the recurrence rule and expand on read, or store every occurrence?",
      options: [
        {
          id: "rule-expand",
          name: "store the RRULE plus exceptions and expand it for the window asked",
          buys: "one row per series; 'every Monday forever' costs nothing",
          costs: "expansion work on each read and care with time zones",
          winsWhen: "series are open-ended",
        },
        {
          id: "materialise",
          name: "materialise each occurrence as a row",
          buys: "plain range queries (free/busy across many people)",
          costs: "unbounded series need a horizon and backfill; editing a series rewrites many rows",
          winsWhen: "queries span many users' calendars at once",
        },
      ],
      rules: [],
      fallback: { option: "rule-expand", because: "series are open-ended and most reads are one calendar's window" },
    },
    {
      id: "calendar-time",
      question: "Store event times in UTC only, or as local time plus an IANA time zone?",
      options: [
        {
          id: "local-plus-zone",
          name: "local wall time plus the IANA zone id",
          buys: "a 9:00 weekly meeting stays at 9:00 across daylight-saving changes",
          costs: "conversion on every read",
          winsWhen: "events recur or are planned far ahead",
        },
        {
          id: "utc",
          name: "UTC instants only",
          buys: "simple comparisons",
          costs: "recurring meetings shift by an hour at daylight-saving changes",
          winsWhen: "only one-off events in the near future",
        },
      ],
      rules: [],
      fallback: { option: "local-plus-zone", because: "recurring events must keep their wall-clock time" },
    },
  ],
  invariants: [
    {
      action: "create an {event} with a recurrence rule",
      statement:
        "A retried create makes one calendar event, stored as local wall time plus its IANA time zone and recurrence rule, so every occurrence keeps its local time across daylight-saving changes.",
    },
    {
      action: "create an {event} with a recurrence rule",
      statement:
        "A calendar event edit applies only to the version the editor saw; a stale edit is refused, never silently overwriting an attendee's change.",
    },
  ],
  failures: [
    {
      failure: "A weekly meeting shifts by an hour after a daylight-saving change",
      prevention:
        "store local wall time plus the IANA zone and expand occurrences in that zone; keep the tz database current",
      repair: "re-expand the affected series after a tz data update",
      role: "truth",
    },
    {
      failure: "Two people edit the same {event} at once and one change silently overwrites the other",
      prevention: "edits carry if_version and the store rejects a stale version (412)",
      repair: "the client reloads the {event}, reapplies its change and retries",
      role: "truth",
    },
    {
      failure: "A reminder fires twice, or not at all, when the reminder scheduler fails over",
      prevention:
        "reminders are rows in a due-time index claimed under a lease; each send carries the reminder id, which the notifier deduplicates",
      repair: "on restart, scan for reminders that are due but not marked sent",
      role: "coordination",
    },
    {
      failure: "Editing a series leaves an exception pointing at an occurrence time that no longer exists",
      prevention:
        "exceptions are keyed by the original occurrence start (RECURRENCE-ID in RFC 5545); a change to the series' times decides their fate explicitly",
      repair: "drop or re-anchor orphaned exceptions and tell the organiser",
      role: "truth",
    },
    {
      failure: "Free/busy across many attendees is slow because every series is expanded on each read",
      prevention: "cache expanded occurrences per calendar for a bounded horizon, invalidated on edit",
      repair: "recompute the cached window from the rules and exceptions",
      role: "derived",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "{events} per calendar with version columns, the RRULE text and an index on start time",
    },
    {
      layer: "serving",
      product: "libical",
      fits: "an RFC 5545 implementation that expands recurrence rules with exceptions",
    },
  ],
  topology: {
    components: [
      {
        id: "calendar-service",
        name: "Calendar service",
        kind: "service",
        runs: ["create / edit events", "expand occurrences for a window", "free/busy"],
        because: "expands recurrence rules on read and applies exceptions",
      },
      {
        id: "calendar-db",
        name: "Calendar database (partitioned by calendar)",
        kind: "store",
        holds: ["CalendarEvent", "Exception", "Attendance"],
        because: "the authority on events; one row per series, not per occurrence",
      },
      {
        id: "reminder-scheduler",
        name: "Reminder scheduler",
        kind: "control-loop",
        runs: ["index next due reminders", "fire when due"],
        because: "keeps only the next occurrence's reminder scheduled per series",
      },
    ],
    links: [
      { from: "gateway", to: "calendar-service", kind: "request", label: "events / week view / RSVP" },
      { from: "calendar-service", to: "calendar-db", kind: "request", label: "read / write with version" },
      { from: "calendar-db", to: "reminder-scheduler", kind: "stream", label: "event changes -> next due time" },
    ],
    api: [
      {
        operation: "create an {event}",
        call: "POST /v1/calendars/{calendar_id}/events",
        request: ["request_id", "title", "start", "time_zone", "duration", "rrule", "attendees[]"],
        response: ["event_id", "version"],
        errors: ["400 invalid rrule"],
        guarantee: "one event per request_id",
      },
      {
        operation: "view a window",
        call: "GET /v1/calendars/{calendar_id}/occurrences?from={t1}&to={t2}",
        request: ["calendar_id", "from", "to"],
        response: ["occurrences[]"],
        errors: ["400 window too long"],
        guarantee: "every occurrence in the window, exceptions applied",
      },
      {
        operation: "edit an {event}",
        call: "PATCH /v1/events/{event_id}",
        request: ["event_id", "if_version", "changes"],
        response: ["version"],
        errors: ["412 version changed"],
        guarantee: "applies only to the version the editor saw",
      },
    ],
    dataModel: [
      {
        entity: "CalendarEvent",
        key: ["calendar_id", "event_id"],
        fields: ["title", "start_local", "time_zone", "duration", "rrule", "organiser_id", "version"],
        indexes: ["(calendar_id, start_local)"],
        partitionKey: "calendar_id",
        owner: "calendar-db",
      },
    ],
    entry: "calendar-service",
    stateOwner: "calendar-db",
  },
};
