import type { z } from "zod";
import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId } from "../../mechanisms/catalog.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * The shared subject as one meeting of a video conferencing service (topic "video-conference", knowledge/topics.ts):
 * real-time audio and video through selective forwarding units. A participant joins a meeting with a signed token;
 * a signalling service (a WebSocket per participant) admits it, asks the placement service which SFU forwards the
 * meeting, and negotiates the media session: an SDP offer and answer, ICE candidates (a STUN-learned address, a TURN
 * relay where no direct path works), then DTLS on the media path, whose handshake yields the SRTP keys. Each sender
 * sends its camera once to the SFU, in a few encodings (simulcast) or layers (SVC); the SFU never decodes or mixes,
 * it forwards every receiver the streams it subscribed to (the active speakers and the gallery page it shows) at the
 * highest layer that fits that receiver's bandwidth estimate. A meeting too big or too spread for one SFU is cascaded
 * over SFUs that forward to each other once per stream. Media rides RTP over UDP: a lost packet is asked again by NACK
 * only while it can still be played, a lost key frame by PLI, and a jitter buffer evens out arrival; nothing waits
 * for a retry the way a request does. Nothing of a document's editing (an operation log, transformed operations,
 * CRDTs) belongs here: a meeting's media is forwarded, never stored, except by a recorder that joins as a receiver.
 *
 * Facts, checked:
 * - RFC 7667 (RTP Topologies) names the selective forwarding middlebox (section 3.7): it forwards the streams of
 *   each sender to receivers, choosing which streams and which layers, without mixing; a mixer (an MCU) decodes and
 *   composes the streams into one per receiver. mediasoup's overview says the same: endpoints send one and receive
 *   many, each receiver selects streams and spatial/temporal layers, and an SFU needs far fewer resources than a
 *   mixer because it neither transcodes nor mixes.
 * - RFC 8853 (simulcast in SDP and RTP sessions) lets a sender offer several encodings of one source, each named by
 *   an RTP stream id (RFC 8851); RFC 8656 (TURN, obsoleting RFC 5766) relays a client's packets through an allocated
 *   relay address when NATs block a direct path, as part of ICE; RFC 5764 and the WebRTC security architecture
 *   (RFC 8827) key SRTP by a DTLS handshake on the media path, so an SFU terminates and re-encrypts each hop.
 * - RFC 4585 defines RTCP feedback: a generic NACK asks for lost packets, PLI asks the sender for a new key frame;
 *   RFC 4588 resends them on a separate retransmission stream.
 * - Jitsi Videobridge forwards only the video of the last N active speakers (LastN), and Jitsi's conference focus
 *   picks the least loaded bridge per conference, can split one conference over several bridges (Octo), and caps the
 *   participants it puts on one bridge; LiveKit keeps a room on one node, chosen by the node that takes the create
 *   request from the load each node reports to Redis, with a WebSocket signalling connection proxied to that node.
 * Planning figures (each layer's bitrate, an SFU host's egress, the gallery page, the share of clients behind a
 * relay) are assumptions, said in their rows.
 */

const T = "video-conference" as const;

/** Why a meeting's admission and its placement are linearizable and fail closed. */
const MEETING_STANCE =
  "who may be in a meeting and which SFU forwards it are decided in one place: a second placement would split the meeting into two rooms that cannot hear each other, and a participant admitted without a valid token would see and hear a private meeting, so admission and placement refuse rather than guess";

/** Why media is best effort: late media is worthless. */
const MEDIA_STANCE =
  "a media packet is worth something only until its playout time: one lost or late is concealed, asked again once by NACK while there is still time, or replaced by the next key frame, never retried like a request";

export const CONFERENCE_ENTITIES = [
  {
    name: "Meeting",
    stance: { consistency: "linearizable", availability: "fail-closed", because: MEETING_STANCE },
    description:
      "One meeting: meeting id, host, passcode hash, settings (waiting room, who may share the screen, recording allowed), its state (scheduled, live, ended), locked or not, and its largest allowed size.",
    truth: true,
    topic: T,
  },
  {
    name: "Participant",
    stance: { consistency: "linearizable", availability: "fail-closed", because: MEETING_STANCE },
    description:
      "One person in one meeting: participant id, user, role (host, co-host, attendee), the signalling connection that admitted them, the SFU session they publish and receive on, and the host's controls on them (muted, camera stopped, removed).",
    truth: true,
    topic: T,
  },
  {
    name: "MeetingPlacement",
    stance: { consistency: "linearizable", availability: "fail-closed", because: MEETING_STANCE },
    description:
      "The placement service's row for a live meeting: meeting id, the SFU (or, for a cascade, the SFU per region) that forwards it, the epoch of its lease (raised on every move), the lease's expiry, and the participants each SFU holds.",
    truth: true,
    topic: T,
  },
  {
    name: "PublishedTrack",
    stance: { consistency: "eventual", availability: "stay-available", because: MEDIA_STANCE },
    description:
      "One source a participant sends to the SFU (microphone, camera, screen): track id, kind, codec, and its encodings (simulcast rids or SVC layers) with each one's resolution and bitrate; held in the SFU's memory while the participant is connected.",
    truth: false,
    topic: T,
  },
  {
    name: "Subscription",
    stance: { consistency: "eventual", availability: "stay-available", because: MEDIA_STANCE },
    description:
      "What the SFU forwards one receiver: the tracks it asked for (the active speakers and its gallery page), the layer chosen for each from the receiver's bandwidth estimate, and the video it paused because nobody on the page shows it.",
    truth: false,
    topic: T,
  },
  {
    name: "Recording",
    description:
      "A meeting's recording: recording id, meeting id, who started it, the composed or per-track files in object storage, their duration and state (recording, processing, ready).",
    truth: false,
    topic: T,
  },
] as const;

export const CONFERENCE_WRITES = [
  {
    action:
      "create or schedule a meeting: the meetings service records the Meeting under a new meeting id with its host, passcode hash, settings and largest size; it has no SFU until its first join",
    entity: "Meeting",
    shape: "create target",
    mechanism: "put-if-absent",
    critical: false,
    topic: T,
  },
  {
    action:
      "admit a participant with a signed join token: the signalling service checks the token's signature, expiry and meeting id, checks that the meeting is live, not locked and below its largest size (or holds the participant in the waiting room), records the Participant with its role, and only then gives it the meeting's SFU",
    entity: "Participant",
    shape: "create target",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "place a live meeting on an SFU: the first join asks the placement service, which picks the least loaded healthy SFU in the joiner's region and records the meeting against it under a lease with a new epoch; every later join of the meeting gets the same SFU",
    entity: "MeetingPlacement",
    shape: "create target",
    mechanism: "placement-scheduler",
    critical: true,
    topic: T,
  },
  {
    action:
      "negotiate a participant's media session over its signalling WebSocket: an SDP offer and answer carrying the tracks and their simulcast encodings, ICE candidates trickled both ways (host, STUN-learned and TURN-relayed addresses), then a DTLS handshake on the chosen path whose keys encrypt every RTP packet as SRTP",
    entity: "PublishedTrack",
    shape: "create target",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "forward media: the SFU receives each sender's encodings once and sends each receiver, re-encrypted for that receiver's session, only the tracks it subscribed to, each at the highest layer that fits the receiver's bandwidth estimate; it never decodes or mixes",
    entity: "Subscription",
    shape: "state transition",
    mechanism: "selective-forwarding",
    critical: true,
    topic: T,
  },
  {
    action:
      "choose what each receiver is sent: the SFU ranks senders by audio level to find the active speakers, forwards the loudest few audio streams, the speaker's video at a high layer and the receiver's gallery page at a low one, and asks senders nobody shows to pause their video",
    entity: "Subscription",
    shape: "state transition",
    mechanism: "selective-forwarding",
    critical: true,
    topic: T,
  },
  {
    action:
      "apply a host control (mute, stop a camera, remove, lock, end the meeting): the signalling service checks the caller's role, records the change on the Participant or Meeting, and tells the SFU, which stops forwarding a removed participant's media at once",
    entity: "Participant",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "renew the meeting's lease in the placement service from its SFU every few seconds; an SFU that cannot renew stops forwarding the meeting, and the meeting is placed again under a higher epoch",
    entity: "MeetingPlacement",
    shape: "state transition",
    mechanism: "heartbeat-renewal",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "record a meeting: a recorder joins the meeting's SFU as a hidden receiver that subscribes to the tracks it needs, composes or keeps them per track, and writes the files to object storage under the recording id",
    entity: "Recording",
    shape: "create target",
    mechanism: "idempotency-key",
    critical: false,
    topic: T,
  },
] as const;

export const CONFERENCE_READS = [
  {
    action:
      "play the forwarded audio and video: the receiver's jitter buffer holds each stream a few tens of milliseconds to even out arrival, asks for a lost packet by NACK while it can still be played, and asks for a key frame by PLI when a picture cannot be decoded",
    entity: "Subscription",
    shape: "read projection",
    staleness:
      "media arrives one network path plus the SFU's forwarding and the jitter buffer late, a few hundred milliseconds at most; a packet later than its playout time is concealed, never waited for",
    topic: T,
  },
  {
    action:
      "show the roster and who is speaking: the signalling connection pushes joins, leaves, host controls and the active speaker to every participant",
    entity: "Participant",
    shape: "read projection",
    staleness: "pushed as each change is recorded; a participant that reconnects reads the roster afresh",
    topic: T,
  },
  {
    action: "find a live meeting's SFU to join or reconnect",
    entity: "MeetingPlacement",
    shape: "read source",
    staleness:
      "none: the placement names the current epoch's SFU, and an SFU refuses a session for a meeting it no longer holds",
    topic: T,
  },
] as const;

/** The hard rule: each receiver gets only what it chose, within its own link. */
const FORWARD_WITHIN_ESTIMATE =
  "The SFU never decodes or mixes a Meeting's media: it forwards each receiver only the PublishedTrack encodings that receiver's Subscription names, at the highest layer that fits the receiver's own bandwidth estimate, so a slow receiver gets a lower layer and never slows the senders or the other receivers.";
const ADMITTED_ONLY =
  "No media of a Meeting reaches anyone who has not been admitted as its Participant with a valid join token: the SFU accepts a session only for a participant the signalling service admitted, every hop is keyed by its own DTLS-SRTP keys, and a removed participant's session is closed at once.";
const ONE_PLACEMENT =
  "A live Meeting has one MeetingPlacement at a time, and every participant is sent to the SFUs it names: the placement service holds it under a lease with an epoch, an SFU whose lease lapsed stops forwarding the meeting, and a session from an older epoch is refused.";
const LATE_MEDIA_DROPPED =
  "No packet of a PublishedTrack is resent past its playout time: a receiver asks for a lost packet by NACK only while it can still be played, a lost key frame is replaced by a fresh one after a PLI, and anything later is concealed and dropped.";

export const CONFERENCE_INVARIANTS = [FORWARD_WITHIN_ESTIMATE, ADMITTED_ONLY, ONE_PLACEMENT, LATE_MEDIA_DROPPED];

/** The mechanism that keeps each conferencing rule (`keptBy` on the card's invariant marks). */
export const CONFERENCE_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [FORWARD_WITHIN_ESTIMATE]: "selective-forwarding",
  [ADMITTED_ONLY]: "guarded-transition",
  [ONE_PLACEMENT]: "epoch-term",
};

export const CONFERENCE_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "each sender's packets are numbered per stream and played in that order; different streams and meetings are independent",
  },
  exclusivity: {
    scope: "key",
    why: "each live meeting has one SFU or one cascade at a time, under a lease with an epoch in the placement service",
  },
  coordination: {
    scope: "key",
    why: "one SFU forwards one meeting's streams, so no packet waits on another machine; only admission and placement are shared",
  },
} as const;

export const CONFERENCE_FAILURES = [
  {
    failure:
      "Packets are lost or arrive late on a participant's link (Wi-Fi, mobile), so video freezes and audio breaks up.",
    role: "derived",
    prevention:
      "Send audio with in-band forward error correction, let the receiver NACK a lost video packet once while it can still be played, and ask for a key frame by PLI when a picture is lost; the jitter buffer grows only as far as the delay allows.",
    repair:
      "The SFU drops the receiver to a lower simulcast layer as its bandwidth estimate falls, and back up as it recovers; nothing is resent after its playout time.",
    topic: T,
  },
  {
    failure: "A participant's network blocks UDP or every direct path (a strict corporate firewall or symmetric NAT).",
    role: "derived",
    prevention:
      "Offer TURN relay candidates in ICE, including TURN over TCP and TLS on port 443, with relays in every region.",
    repair: "ICE picks the relayed pair; the session carries on through the relay at the cost of one more hop.",
    topic: T,
  },
  {
    failure: "An SFU host dies in the middle of its meetings.",
    role: "coordination",
    prevention:
      "Keep each meeting's lease short, spread SFUs over zones, and keep spare SFU capacity per region for the meetings of one host.",
    repair:
      "The placement service sees the lapsed lease and places the meeting on another SFU under a higher epoch; each client's signalling connection tells it to reconnect, and it renegotiates its session (a new offer, ICE and DTLS) there; media returns within a few seconds, and nothing of the meeting's media is lost that was not already played.",
    topic: T,
  },
  {
    failure:
      "An SFU cut off from the placement service keeps forwarding a meeting while a replacement takes it, so some participants are in one room and the rest in another.",
    role: "coordination",
    prevention:
      "An SFU stops a meeting when it cannot renew the lease before it lapses, and the replacement starts only after the lapse, with a higher epoch.",
    repair: "Sessions from the older epoch are refused; their clients reconnect through signalling to the current SFU.",
    topic: T,
  },
  {
    failure:
      "One huge meeting (an all-hands) outgrows one SFU's egress, or its participants are on several continents.",
    role: "derived",
    prevention:
      "Forward only the active speakers and each receiver's gallery page, pause unwatched video, and cascade the meeting over SFUs in each participant region, which send each other each stream once.",
    repair:
      "The placement service adds an SFU to the meeting's cascade and moves new joins to it; existing participants stay where they are.",
    topic: T,
  },
  {
    failure: "The signalling service loses a participant's WebSocket while its media is still flowing.",
    role: "derived",
    prevention:
      "Keep media and signalling independent: the SFU session lives on its own keepalives, and the client reconnects its WebSocket with its participant id and resumes.",
    repair:
      "On reconnect the signalling service re-reads the Participant and the placement and sends the roster afresh; only a participant gone past its grace period is removed.",
    topic: T,
  },
] as const;

export const CONFERENCE_BOTTLENECKS = [
  {
    bottleneck:
      "SFU egress in a big meeting: every receiver is sent its own copy of each stream it watches, so a meeting's outbound traffic grows with its size times what each receiver is sent.",
    mitigation:
      "Forward video only for the active speakers and each receiver's gallery page, at low layers for thumbnails; pause video no one shows; cascade a meeting past one SFU's egress.",
    formula: {
      yields: "bytes a second the busiest meeting's SFUs send",
      expression: "max_participants * receiver_bytes_per_sec",
      unit: "B/s",
    },
    topic: T,
  },
  {
    bottleneck:
      "Forwarding everyone to everyone: n senders to n - 1 receivers each is n × (n − 1) streams, which no SFU and no receiver can carry past a few dozen people.",
    mitigation:
      "Subscribe each receiver to a fixed number of video streams (active speakers plus one gallery page) and the few loudest audio streams, whatever the meeting's size.",
    formula: {
      yields: "streams a meeting would forward if every sender went to every receiver",
      expression: "max_participants * (max_participants - 1)",
      unit: "streams",
    },
    topic: T,
  },
  {
    bottleneck:
      "TURN relays: every participant behind a blocking network sends and receives all its media through a relay, doubling that traffic's hops.",
    mitigation: "Put relays beside the SFUs in every region and prefer UDP relay, falling back to TCP and TLS on 443.",
    topic: T,
  },
] as const;

/** The conferencing capacity model: what one receiver is sent, the busiest meeting's SFUs, then the fleet. */
export const CONFERENCE_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "max_participants",
      typical: 100,
      why: "no meeting size is stated: a large team meeting holds about a hundred people (a planning figure)",
    },
    {
      quantity: "participants",
      typical: 8,
      why: "a planning figure: a typical meeting holds under ten people",
      from: {
        expression: "max_participants",
        why: "a stated meeting size this small is every meeting's",
        atMost: 10,
      },
    },
    {
      quantity: "clients",
      typical: 100000,
      why: "a planning figure: a hundred thousand participants in meetings at once",
      from: [
        {
          expression: "users * online_share",
          why: "the stated users, the share of them in a meeting at the peak hour",
        },
      ],
    },
    {
      quantity: "online_share",
      label: "share of the users in a meeting at the peak hour",
      unit: "fraction",
      typical: 0.1,
      why: "a planning figure: about a tenth of the users are in a meeting at the busiest hour",
    },
    {
      quantity: "speaker_video_bytes_per_sec",
      label: "speaker's high-layer video rate",
      unit: "B/s",
      typical: 187500,
      why: "720p at about 1.5 Mbit/s, the top simulcast layer (a planning figure)",
    },
    {
      quantity: "thumbnail_bytes_per_sec",
      label: "gallery thumbnail's low-layer video rate",
      unit: "B/s",
      typical: 18750,
      why: "about 180p at 150 kbit/s, the lowest simulcast layer (a planning figure)",
    },
    {
      quantity: "audio_bytes_per_sec",
      label: "audio stream rate",
      unit: "B/s",
      typical: 5000,
      why: "Opus voice at about 40 kbit/s with its packet headers (a planning figure)",
    },
    {
      quantity: "gallery_page",
      label: "video thumbnails one receiver shows at once (one gallery page)",
      unit: "streams",
      typical: 25,
      why: "a gallery page of five by five tiles, the usual largest page (a planning figure)",
    },
    {
      quantity: "audio_forwarded",
      label: "audio streams forwarded to each receiver (the loudest speakers)",
      unit: "streams",
      typical: 3,
      why: "the three loudest speakers are enough to hear people talking over each other (a planning figure)",
    },
    {
      quantity: "simulcast_bytes_per_sec",
      label: "camera's upload rate in all its simulcast encodings",
      unit: "B/s",
      typical: 262500,
      why: "the 1.5 Mbit/s, 500 kbit/s and 150 kbit/s encodings together, about 2.1 Mbit/s (a planning figure)",
    },
    {
      quantity: "sfu_egress_bytes_per_sec",
      label: "SFU host's forwarding rate",
      unit: "B/s",
      typical: 625000000,
      why: "a planning figure: 5 Gbit/s from a host with a 10 Gbit/s card, where re-encrypting SRTP for every receiver and the packet rate bound it before the card does; measured per build",
    },
    {
      quantity: "relay_share",
      label: "share of participants whose media goes through a TURN relay",
      unit: "fraction",
      typical: 0.1,
      why: "a planning figure: about one participant in ten sits behind a network that blocks a direct UDP path",
    },
  ],
  figures: [
    fig(
      "all_to_all_streams",
      "streams the busiest meeting would forward if every participant's video went to every other",
      "hotspot",
      "max_participants * (max_participants - 1)",
      "streams",
    ),
    fig(
      "receiver_bytes_per_sec",
      "bytes a second one receiver is sent (the speaker high, one gallery page low, the loudest audio)",
      "bandwidth",
      "speaker_video_bytes_per_sec + (gallery_page - 1) * thumbnail_bytes_per_sec + audio_forwarded * audio_bytes_per_sec",
      "B/s",
    ),
    fig(
      "meeting_egress",
      "bytes a second the busiest meeting's SFUs send its receivers",
      "bandwidth",
      "max_participants * receiver_bytes_per_sec",
      "B/s",
    ),
    fig(
      "meeting_ingress",
      "bytes a second the busiest meeting's shown cameras send the SFU (every encoding of each page's senders)",
      "bandwidth",
      "gallery_page * simulcast_bytes_per_sec + max_participants * audio_bytes_per_sec",
      "B/s",
    ),
    fig(
      "sfus_per_meeting",
      "SFUs the busiest meeting needs for its egress, each at the planned utilisation",
      "count",
      "meeting_egress / (sfu_egress_bytes_per_sec * target_utilisation)",
      "SFUs",
      true,
    ),
    fig("meetings", "meetings running at once", "count", "clients / participants", "meetings", true),
    fig(
      "fleet_egress",
      "bytes a second every SFU sends, all meetings together",
      "bandwidth",
      "clients * receiver_bytes_per_sec",
      "B/s",
    ),
    fig(
      "sfu_hosts",
      "SFU hosts for the concurrent participants, each at the planned utilisation",
      "count",
      "clients * receiver_bytes_per_sec / (sfu_egress_bytes_per_sec * target_utilisation)",
      "hosts",
      true,
    ),
    fig(
      "relay_bytes_per_sec",
      "bytes a second the TURN relays carry (relayed participants' media both ways)",
      "bandwidth",
      "clients * relay_share * (receiver_bytes_per_sec + simulcast_bytes_per_sec)",
      "B/s",
    ),
  ],
  // one frame from a speaker's camera to a receiver's screen: encode, up to the SFU, forward, down to the receiver,
  // the jitter buffer, decode and render (a media path, not a request's round trip)
  latencyPath: {
    serves: "one frame from a speaker's camera to a receiver's screen",
    steps: [
      "frame_encode_seconds",
      "media_network_seconds",
      "sfu_forward_seconds",
      "jitter_buffer_seconds",
      "decode_seconds",
    ],
    inputs: [
      inp(
        "frame_encode_seconds",
        0.03,
        "a planning figure: capturing a frame and encoding it in real time takes about one frame at 30 frames a second",
      ),
      inp(
        "media_one_way_seconds",
        0.04,
        "a planning figure: a participant reaches an SFU in its own region in a few tens of milliseconds one way",
      ),
      inp("media_legs", 2, "sender to SFU and SFU to receiver; a cascade adds one SFU-to-SFU leg between regions"),
      {
        quantity: "media_network_seconds",
        label: "the network legs from sender to SFU to receiver",
        unit: "s",
        from: { expression: "media_one_way_seconds * media_legs", why: "each leg's one-way delay, once per leg" },
      },
      inp(
        "sfu_forward_seconds",
        0.005,
        "a planning figure: an SFU forwards a packet without decoding it, in a few milliseconds",
      ),
      inp(
        "jitter_buffer_seconds",
        0.06,
        "a planning figure: WebRTC receivers hold a few tens of milliseconds to even out arrival, more on a lossy link",
      ),
      inp("decode_seconds", 0.02, "a planning figure: decoding and rendering a frame"),
    ],
  },
};

export const CONFERENCE_DECISIONS: DecisionPoint[] = [
  {
    id: "i13-conf-topology",
    topic: T,
    question:
      "Forward each sender's streams through an SFU, mix them into one stream per receiver on an MCU, or connect participants to each other directly (mesh)?",
    options: [
      {
        id: "sfu",
        name: "selective forwarding unit: each sender's encodings forwarded, unmixed, to the receivers that chose them",
        buys: "no decoding on the server, so one host forwards for hundreds of people; each receiver gets its own layout and layers",
        costs:
          "each receiver decodes several streams, and its downstream grows with the streams it shows, so subscriptions must be capped",
        winsWhen:
          "meetings of more than a handful of people on phones, laptops and browsers that can decode a few streams",
        key: String.raw`selective forwarding|forwards? (?:each|the) (?:sender|receiver)`,
        usedBy: ["Jitsi Videobridge", "mediasoup", "LiveKit"],
      },
      {
        id: "mcu",
        name: "multipoint control unit: the server decodes every stream and mixes one composed stream per receiver",
        buys: "every receiver decodes one stream at one bitrate, which fits room systems, phones dialled in and weak devices",
        costs:
          "decoding and encoding every stream on the server costs many times an SFU's CPU, adds a frame or more of delay, and fixes everyone's layout",
        winsWhen:
          "most receivers are dial-in phones, legacy room systems or very weak devices that can decode only one stream",
        // the prompt names dial-in phones or legacy room systems
        wins: [
          {
            words: String.raw`\bdial[- ]in\b|\bPSTN\b|\b(?:legacy |SIP |H\.323 )room systems?\b|\bSIP (?:phones|endpoints|trunks?)\b|\bH\.323\b`,
          },
        ],
        key: String.raw`\bmcu\b|mix(?:es|ed|ing)? (?:the|every|all) streams|composed stream`,
      },
      {
        id: "mesh",
        name: "mesh: every participant sends its media directly to every other, with no media server",
        buys: "no media servers to run, and the shortest path between two people",
        costs:
          "each participant uploads one copy per other participant, which breaks past three or four people on a home uplink",
        winsWhen: "calls of two to four people, where server cost matters more than size",
        // the prompt asks for calls between two people
        wins: [
          {
            words: String.raw`\b(?:one[- ]to[- ]one|1[:-]1|1-on-1|two[- ]person|two-party) (?:video |voice )?(?:calls?|chats?|sessions?|consults?|consultations?)\b`,
          },
        ],
        key: String.raw`\bmesh\b|peer[- ]to[- ]peer`,
      },
    ],
    rules: [],
    fallback: {
      option: "sfu",
      because:
        "a meeting of more than a few people needs a server that fans each stream out, and forwarding without decoding lets one host serve hundreds of receivers",
    },
  },
  {
    id: "i13-conf-cascade",
    topic: T,
    question: "Keep each meeting on one SFU, or cascade a big or spread meeting over several SFUs?",
    options: [
      {
        id: "one-sfu",
        name: "one SFU per meeting, chosen at the first join",
        buys: "no forwarding between servers, one place that knows the meeting's speakers and subscriptions",
        costs: "a meeting is capped at what one host forwards, and far participants cross an ocean to reach it",
        winsWhen: "meetings fit one SFU's egress and their people are in one region",
      },
      {
        id: "cascade",
        name: "a cascade: an SFU per region or per few hundred participants, each forwarding every stream once to the others",
        buys: "a meeting as large as the fleet and each participant on a nearby SFU",
        costs:
          "SFU-to-SFU links to run and size, speaker and subscription state shared across the cascade, and one more hop of delay between regions",
        winsWhen: "the busiest meeting needs more egress than one SFU has, or its participants are spread over regions",
        key: String.raw`\bcascad\w*|sfu[- ]to[- ]sfu`,
        usedBy: ["Jitsi Videobridge"],
        wins: [{ number: "sfus_per_meeting", atLeast: 2 }],
        implies: { draws: ["remote-sfu", "sfu>remote-sfu"] },
      },
    ],
    rules: [
      {
        when: [{ regionsAtLeast: 2 }],
        option: "cascade",
        because:
          "participants in several regions each reach a nearby SFU, and the SFUs send each other each stream once",
      },
      {
        when: [
          {
            words: String.raw`\b(?:global(?:ly)?|worldwide|across (?:the world|continents|regions|countries)|multi[- ]region|several regions|different continents|all[- ]hands|town ?halls?|webinars?)\b`,
          },
        ],
        option: "cascade",
        because: "a meeting spread over regions, or an all-hands, outgrows one SFU in one place",
      },
    ],
    fallback: {
      option: "one-sfu",
      because: "the meeting fits one SFU's egress, so one host forwards it with no hop between servers",
    },
  },
  {
    id: "i13-conf-layers",
    topic: T,
    question: "Let senders send several whole encodings (simulcast), or one layered encoding (SVC) the SFU can thin?",
    options: [
      {
        id: "simulcast",
        name: "simulcast: each camera sends three encodings of itself, and the SFU picks one per receiver",
        buys: "works with every codec and hardware encoder (VP8, H.264), and each encoding decodes on its own",
        costs: "the sender uploads all three encodings, about 40% more than the top one alone",
        winsWhen: "clients are browsers and phones with hardware H.264 or VP8 encoders",
        usedBy: ["mediasoup", "LiveKit", "Jitsi Videobridge"],
      },
      {
        id: "svc",
        name: "scalable video coding: one VP9 or AV1 stream in spatial and temporal layers, the SFU drops the layers a receiver cannot take",
        buys: "one upload, thinned per receiver by dropping layers",
        costs: "needs VP9 or AV1 SVC on every sender, decoding costs more, and fewer hardware encoders support it",
        winsWhen: "senders' uplinks are tight and every client runs a codec with SVC (VP9, AV1)",
        key: String.raw`\bsvc\b|scalable video coding`,
        wins: [{ words: String.raw`\b(?:svc|scalable video coding|vp9|av1)\b` }],
      },
    ],
    rules: [],
    fallback: {
      option: "simulcast",
      because: "every browser and hardware encoder can send simulcast, and each encoding stands alone",
    },
  },
];

export const CONFERENCE_COMPONENTS: ComponentSpec[] = [
  {
    id: "participants",
    name: "Meeting clients (WebRTC: encode simulcast, jitter buffer, NACK and PLI)",
    kind: "client",
    runs: ["join with a token", "publish camera and microphone", "play forwarded streams", "report bandwidth"],
    because:
      "a client sends each source once and plays what the SFU forwards it; it never sends media to the others directly",
    topic: T,
  },
  {
    id: "signalling",
    name: "Signalling service (WebSocket per participant: admission, SDP offer/answer, ICE, host controls)",
    kind: "gateway",
    holds: ["Meeting", "Participant"],
    runs: ["check join tokens", "admit participants", "relay SDP and ICE", "apply host controls", "push the roster"],
    because: "admission and every host control pass one place per meeting, before any media flows",
    topic: T,
  },
  {
    id: "placement",
    name: "Placement service (meeting to SFU, lease with epoch)",
    kind: "replica-group",
    holds: ["MeetingPlacement"],
    runs: [
      "pick the least loaded SFU in region",
      "record placements",
      "renew leases",
      "re-place a lost SFU's meetings",
    ],
    because: "every join of a meeting reaches the same SFU, and a meeting is re-placed under a higher epoch",
    topic: T,
  },
  {
    id: "sfu",
    name: "SFUs (selective forwarding: receive each sender once, forward chosen layers per receiver)",
    kind: "service",
    holds: ["PublishedTrack", "Subscription"],
    runs: ["terminate DTLS-SRTP", "pick layers per bandwidth estimate", "rank active speakers", "answer NACK and PLI"],
    because: "one process forwards a meeting's streams without decoding, so it serves hundreds of receivers",
    topic: T,
  },
  {
    id: "remote-sfu",
    name: "SFUs in the cascade's other regions (each stream sent once SFU to SFU)",
    kind: "service",
    holds: ["PublishedTrack", "Subscription"],
    runs: ["take each remote stream once", "forward it to local receivers"],
    because: "a meeting bigger or wider than one SFU keeps each participant on a nearby SFU",
    topic: T,
  },
  {
    id: "turn",
    name: "STUN/TURN servers (address discovery and relays, UDP, TCP and TLS on 443)",
    kind: "gateway",
    runs: ["answer STUN binding requests", "relay media for blocked clients"],
    because: "a client behind NAT learns its public address, and one behind a blocking network still gets a path",
    topic: T,
  },
  {
    id: "meetings-db",
    name: "Meetings database (meetings, participants, recordings)",
    kind: "store",
    holds: ["Meeting", "Participant", "Recording"],
    runs: ["keep meetings and their settings", "keep who joined"],
    because: "a meeting's settings and its participants outlive any one signalling connection",
    topic: T,
  },
  {
    id: "recorder",
    name: "Recorders (join as hidden receivers, write files)",
    kind: "worker-pool",
    holds: ["Recording"],
    runs: ["subscribe to a meeting's tracks", "compose or keep per track", "upload to object storage"],
    because: "recording is one more receiver of the SFU, so it never touches the forwarding path",
    topic: T,
  },
  {
    id: "recording-store",
    name: "Recording object store",
    kind: "store",
    holds: ["Recording"],
    runs: ["keep recording files"],
    because: "recordings are large immutable files read later",
    topic: T,
  },
];

export const CONFERENCE_LINKS: LinkSpec[] = [
  { from: "participants", to: "signalling", kind: "stream", label: "WebSocket: join token, SDP, ICE", topic: T },
  { from: "signalling", to: "placement", kind: "request", label: "which SFU holds the meeting", topic: T },
  { from: "signalling", to: "meetings-db", kind: "request", label: "meeting, participant, host control", topic: T },
  { from: "signalling", to: "sfu", kind: "control", label: "admit session, tracks, removals", topic: T },
  { from: "participants", to: "turn", kind: "request", label: "STUN binding, TURN allocation", topic: T },
  { from: "participants", to: "sfu", kind: "stream", label: "SRTP over UDP: simulcast encodings", topic: T },
  { from: "sfu", to: "participants", kind: "stream", label: "chosen layers per receiver; NACK, PLI", topic: T },
  { from: "sfu", to: "placement", kind: "control", label: "renew the meeting's lease, report load", topic: T },
  { from: "sfu", to: "remote-sfu", kind: "stream", label: "cascade: each stream once per SFU", topic: T },
  { from: "sfu", to: "recorder", kind: "stream", label: "subscribed tracks", topic: T },
  { from: "recorder", to: "recording-store", kind: "request", label: "recording files", topic: T },
];

export const CONFERENCE_API: ApiSpec[] = [
  {
    operation: "create a meeting",
    call: "POST /v1/meetings",
    request: ["host_id", "settings", "passcode", "scheduled_start"],
    response: ["meeting_id", "join_url"],
    errors: ["400 invalid settings"],
    guarantee: "the meeting id is new; the meeting has no SFU until its first join",
    topic: T,
  },
  {
    operation: "get a join token",
    call: "POST /v1/meetings/{meeting_id}/tokens",
    request: ["meeting_id", "user_id", "passcode"],
    response: ["join_token (signed: meeting_id, user, role, expiry)", "signalling URL"],
    errors: ["403 wrong passcode", "404 no such meeting"],
    guarantee: "the token names one meeting and one role and expires within minutes",
    topic: T,
  },
  {
    operation: "join",
    call: "WebSocket /v1/signal: {join_token}",
    request: ["join_token"],
    response: ["participant_id", "SFU address", "ICE servers", "roster"],
    errors: ["401 bad or expired token", "403 meeting locked or full", "waiting room"],
    guarantee: "admitted only with a valid token to a live, unlocked meeting below its largest size",
    topic: T,
  },
  {
    operation: "negotiate media",
    call: "WebSocket /v1/signal: {offer | answer | ice_candidate}",
    request: ["participant_id", "sdp (tracks, simulcast rids)", "ice candidates"],
    response: ["sdp answer", "SFU's ice candidates"],
    errors: ["409 meeting moved (reconnect)"],
    guarantee: "the session is keyed by DTLS-SRTP on the media path; the SFU accepts only admitted participants",
    topic: T,
  },
  {
    operation: "subscribe",
    call: "WebSocket /v1/signal: {track_ids, max_layer}",
    request: ["participant_id", "track_ids (speaker, gallery page)", "max_layer"],
    response: ["tracks forwarded and their current layers"],
    errors: ["404 track gone"],
    guarantee: "forwarded at the highest layer within the receiver's bandwidth estimate and its max_layer",
    topic: T,
  },
  {
    operation: "host control",
    call: "POST /v1/meetings/{meeting_id}/controls",
    request: ["meeting_id", "caller", "action (mute, remove, lock, end)", "target participant_id"],
    response: ["applied"],
    errors: ["403 not host or co-host", "404 no such participant"],
    guarantee: "a removed participant's SFU session is closed at once and its token no longer admits it",
    topic: T,
  },
  {
    operation: "start recording",
    call: "POST /v1/meetings/{meeting_id}/recordings",
    request: ["meeting_id", "caller", "layout"],
    response: ["recording_id"],
    errors: ["403 recording not allowed", "409 already recording"],
    guarantee: "one recording per meeting at a time; files appear when processing ends",
    topic: T,
  },
];

export const CONFERENCE_DATA: DataSpec[] = [
  {
    entity: "Meeting",
    key: ["meeting_id"],
    fields: ["host_id", "passcode_hash", "settings", "state", "locked", "max_participants"],
    indexes: ["(host_id, scheduled_start)"],
    partitionKey: "meeting_id",
    owner: "meetings-db",
    topic: T,
  },
  {
    entity: "Participant",
    key: ["meeting_id", "participant_id"],
    fields: ["user_id", "role", "joined_at", "left_at", "muted", "removed", "sfu_session"],
    indexes: ["(user_id, joined_at)"],
    partitionKey: "meeting_id",
    owner: "meetings-db",
    topic: T,
  },
  {
    entity: "MeetingPlacement",
    key: ["meeting_id"],
    fields: ["sfu (per region for a cascade)", "epoch", "lease_expires_at", "participants per SFU"],
    indexes: ["lease_expires_at", "sfu"],
    partitionKey: "meeting_id",
    owner: "placement",
    topic: T,
  },
  {
    entity: "PublishedTrack",
    key: ["meeting_id", "track_id"],
    fields: ["participant_id", "kind", "codec", "encodings (rid, resolution, bitrate)", "ssrcs"],
    indexes: [],
    partitionKey: "meeting_id (one SFU's memory)",
    owner: "sfu",
    topic: T,
  },
  {
    entity: "Subscription",
    key: ["meeting_id", "receiver_id", "track_id"],
    fields: ["chosen layer", "max_layer", "bandwidth estimate", "paused"],
    indexes: [],
    partitionKey: "meeting_id (one SFU's memory)",
    owner: "sfu",
    topic: T,
  },
  {
    entity: "Recording",
    key: ["recording_id"],
    fields: ["meeting_id", "started_by", "files", "duration", "state"],
    indexes: ["(meeting_id)"],
    partitionKey: "recording_id",
    owner: "recording-store",
    topic: T,
  },
];

export const CONFERENCE_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Join a meeting",
    notation:
      "participants>signalling[join token] -> signalling[check the token and the meeting {signature valid, not expired, meeting live, not locked, below its size}] -> signalling>placement[which SFU holds the meeting] -> placement[pick the least loaded SFU in region and record it under a new epoch {no live placement}] -> signalling>participants[participant id, SFU, ICE servers, roster] |-> signalling>participants[refuse, or hold in the waiting room {token invalid, meeting locked or full}] => done",
    topic: T,
  },
  {
    name: "Negotiate and forward media",
    notation:
      "participants>signalling[SDP offer: tracks and simulcast encodings] -> signalling>sfu[admit the session] -> sfu>participants[SDP answer and ICE candidates] -> participants>sfu[ICE checks, then DTLS handshake {a candidate pair connects, directly or through TURN}] -> participants>sfu[SRTP: every encoding once] -> sfu>participants[each receiver's chosen tracks at the layer its bandwidth estimate fits] |-> participants>turn[allocate a relay and retry ICE {no direct pair connects}] => done",
    topic: T,
  },
  {
    name: "An SFU dies",
    notation:
      "placement[lease lapses {no renewal before expiry}] -> placement[place the meeting on another SFU under a higher epoch] -> signalling>participants[reconnect to the new SFU] -> participants>sfu[new offer, ICE and DTLS, then publish again] => done",
    topic: T,
  },
];

/**
 * Products for video conferencing, checked: Jitsi Videobridge (github.com/jitsi/jitsi-videobridge) is a WebRTC SFU,
 * with the conference focus choosing bridges; mediasoup (mediasoup.org) is an SFU library whose receivers pick streams
 * and layers; LiveKit (docs.livekit.io) is a distributed SFU with Redis routing, simulcast and SVC; coturn is a
 * STUN/TURN server.
 */
type TechnologyInput = z.input<typeof Technology>;

export const CONFERENCE_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "mediasoup (SFU library)",
    layer: "serving",
    fits: "Receives each producer's simulcast or SVC stream once and lets every consumer pick streams and spatial/temporal layers; signalling and placement are the application's own.",
    suits: ["low-latency", "high-throughput"],
    poorFor: ["operational-simplicity"],
    caveat:
      "A library, not a service: the signalling protocol, placement and cascading between hosts are yours to build.",
    topic: T,
  },
  {
    product: "Jitsi Videobridge with Jicofo",
    layer: "serving",
    fits: "A WebRTC SFU that forwards the last N speakers' video; its focus picks the least loaded bridge for each conference and can split a big one over bridges.",
    suits: ["low-latency", "multi-region"],
    poorFor: ["operational-simplicity"],
    caveat: "Its signalling is XMPP-based (Prosody), one more system to run beside your own meeting service.",
    topic: T,
  },
  {
    product: "coturn (STUN/TURN server)",
    layer: "coordination",
    fits: "Answers STUN binding requests and relays media for clients no direct path reaches, over UDP, TCP and TLS.",
    suits: ["low-latency"],
    poorFor: ["high-throughput"],
    caveat: "Relayed media is all egress; size relays per region from the relayed share of participants.",
    topic: T,
  },
];

/** What a design about video conferencing must keep (coherence `video-conference-shape`). */
export const CONFERENCE_SHAPE = {
  entities: ["Meeting", "Participant", "MeetingPlacement"],
  egress: "meeting_egress",
  hosts: "sfu_hosts",
  mechanism: "selective-forwarding",
  /** Residue of a document's editing or a presence registry standing in for the meeting. */
  residue: /\b(?:Operation log|transform the submitted|ShareDB|Yjs|CRDT|presence registry|heartbeat store|Editors)\b/i,
} as const;
