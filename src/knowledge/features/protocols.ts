import type { ProtocolSpec } from "../topology.js";

/**
 * The critical flows of the product features, bound to each feature's own components (and the
 * shared edge of skeleton.ts), in the protocol notation of topology.ts: `from>to[message {guard}]`
 * is a message whose receiver checks the guard, `actor[step]` is work local to one component.
 * A product design draws these before the protocols of the infra archetypes the features rest on.
 */

/**
 * A booking's hold and its expiry. A crowd at an on-sale enters through the waiting room (topic "on-sale"); steady
 * demand reaches the booking service straight from the gateway. Freed items reach the availability map only where
 * buyers browse one (topic "availability-map").
 */
export const BOOKING_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Hold as a lease, pay, confirm with the hold token",
    topic: "on-sale",
    notation:
      "client>gateway[hold items with request id] -> gateway>waiting-room[enter sale] -> waiting-room>booking-service[admitted: hold item ids] -> booking-service>inventory-store[claim every item: holder, hold token, expires_at = now + 10 min {Item.state = free or Item.hold_expires_at < now}] -> inventory-store>booking-service[held with token and expires_at] -> booking-service>client[hold token, pay before expires_at] -> client>booking-service[confirm with hold token and payment method] -> booking-service>payment-provider[charge, idempotency key = hold id] -> payment-provider>booking-service[charge captured] -> booking-service>inventory-store[mark items booked {Item.hold_token = token and Item.hold_expires_at > now}] -> inventory-store>booking-service[booked] |-> inventory-store>booking-service[refuse the claim: item held or sold {Item.state != free and hold live}] |-> booking-service>payment-provider[refund the charge {hold expired or token superseded}] => done | reject | compensate",
  },
  {
    name: "Hold as a lease, pay, confirm with the hold token",
    unlessTopic: "on-sale",
    notation:
      "client>gateway[hold items with request id] -> gateway>booking-service[hold item ids] -> booking-service>inventory-store[claim every item: holder, hold token, expires_at = now + 10 min {Item.state = free or Item.hold_expires_at < now}] -> inventory-store>booking-service[held with token and expires_at] -> booking-service>client[hold token, pay before expires_at] -> client>booking-service[confirm with hold token and payment method] -> booking-service>payment-provider[charge, idempotency key = hold id] -> payment-provider>booking-service[charge captured] -> booking-service>inventory-store[mark items booked {Item.hold_token = token and Item.hold_expires_at > now}] -> inventory-store>booking-service[booked] |-> inventory-store>booking-service[refuse the claim: item held or sold {Item.state != free and hold live}] |-> booking-service>payment-provider[refund the charge {hold expired or token superseded}] => done | reject | compensate",
  },
  {
    name: "Expired holds go back on sale",
    topic: "availability-map",
    notation:
      "hold-expiry>inventory-store[release items whose hold lapsed {Item.state = held and Item.hold_expires_at < now}] -> inventory-store>availability-cache[items free again] |-> inventory-store>hold-expiry[skip: confirmed in time {Item.state = booked}] => expire | done",
  },
  {
    name: "Expired holds go back on sale",
    unlessTopic: "availability-map",
    notation:
      "hold-expiry>inventory-store[release items whose hold lapsed {Item.state = held and Item.hold_expires_at < now}] |-> inventory-store>hold-expiry[skip: confirmed in time {Item.state = booked}] => expire | done",
  },
];

/**
 * A stock reservation. A crowd at an on-sale (topic "on-sale") enters through the waiting room, claims its one
 * reservation per sale and tries a stock bucket; steady demand (a store's stock taken by cart adds) reaches the sale
 * service from the gateway and decrements the (place, item) row itself.
 */
export const STOCK_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Reserve units by one conditional decrement, pay, place the order",
    unlessTopic: "on-sale",
    notation:
      "client>gateway[reserve quantity of an item with request id] -> gateway>sale-service[reserve quantity] -> sale-service>stock-store[one transaction in the item's partition: decrement the stock row and insert the reservation, expires_at = now + the hold window {Stock.available >= quantity}] -> stock-store>sale-service[reserved with expires_at] -> sale-service>client[reservation id, pay before expires_at] -> client>sale-service[confirm with reservation id and payment method] -> sale-service>payment-provider[charge, idempotency key = reservation id] -> payment-provider>sale-service[charge captured] -> sale-service>stock-store[move the units from reserved to sold and insert the order {Reservation.state = reserved and Reservation.expires_at > now}] -> stock-store>sale-service[order placed] |-> stock-store>sale-service[refuse the decrement: too few units left {Stock.available < quantity}] |-> stock-store>sale-service[return the first reservation {a reservation with this request id exists}] |-> sale-service>payment-provider[refund the charge {reservation expired}] => done | reject | compensate",
  },
  {
    name: "Reserve units by one conditional decrement, pay, place the order",
    topic: "on-sale",
    notation:
      "client>gateway[buy with request id] -> gateway>waiting-room[enter sale] -> waiting-room>sale-service[admitted: reserve quantity] -> sale-service>stock-store[claim (sale, shopper) put-if-absent in the shopper's partition {ShopperClaim of this shopper in the sale is absent}] -> sale-service>stock-store[one transaction in the bucket's partition: decrement a stock bucket and insert the reservation, expires_at = now + 10 min {Stock.available >= quantity}] -> stock-store>sale-service[reserved with expires_at] -> sale-service>client[reservation id, pay before expires_at] -> client>sale-service[confirm with reservation id and payment method] -> sale-service>payment-provider[charge, idempotency key = reservation id] -> payment-provider>sale-service[charge captured] -> sale-service>stock-store[move the units from reserved to sold and insert the order {Reservation.state = reserved and Reservation.expires_at > now}] -> stock-store>sale-service[order placed] |-> stock-store>sale-service[refuse the decrement: this bucket is empty {Stock.available < quantity}] -> sale-service>stock-store[release the shopper's claim, the compensation, so another bucket can be tried] |-> stock-store>sale-service[return the shopper's first reservation {ShopperClaim of this shopper in the sale is held}] |-> sale-service>payment-provider[refund the charge {reservation expired}] => done | reject | compensate",
  },
  {
    name: "Expired reservations return their units",
    notation:
      "reservation-sweeper>stock-store[expire the reservation and add its units back in one transaction {Reservation.state = reserved and Reservation.expires_at < now}] -> stock-store>stock-view[units on sale again] |-> stock-store>reservation-sweeper[skip: placed in time {Reservation.state = confirmed}] => expire | done",
  },
];

export const STAY_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Reserve every night in one conditional transaction, then pay",
    notation:
      "client>gateway[reserve room type for check-in to check-out with request id] -> gateway>reservation-service[reserve nights] -> reservation-service>room-inventory-db[one transaction: decrement every night, insert pending reservation {RoomInventory.free >= rooms on every night of the stay}] -> room-inventory-db>reservation-service[committed: reservation id and deadline] -> reservation-service>payment-provider[charge, idempotency key = reservation id] -> payment-provider>reservation-service[charge captured] -> reservation-service>room-inventory-db[confirm reservation {Reservation.state = pending and payment_deadline > now}] |-> room-inventory-db>reservation-service[abort: no night changed {some night has too few free rooms}] |-> unpaid-sweeper>room-inventory-db[give every night back in one transaction {Reservation.state = pending and payment_deadline < now}] => done | reject | expire",
  },
  {
    // a partner site's sale goes through the same decrement before the partner confirms it to its guest
    name: "A partner site's booking: the same conditional decrement before the partner confirms",
    topic: "partner-channels",
    notation:
      "partner-sites>channel-manager[book room type for check-in to check-out with the partner booking id] -> channel-manager>reservation-service[reserve nights as a direct booking] -> reservation-service>room-inventory-db[one transaction: decrement every night, insert the reservation and its partner booking id {RoomInventory.free >= rooms on every night and no PartnerReservation for this id}] -> room-inventory-db>reservation-service[committed: reservation id] -> reservation-service>channel-manager[reserved] -> channel-manager>partner-sites[confirmed: the partner may now confirm to its guest] -> room-inventory-db>channel-manager[count change] -> channel-manager>partner-sites[push the new free rooms] |-> room-inventory-db>reservation-service[abort: no night changed {some night has too few free rooms}] -> channel-manager>partner-sites[409 no room free: the partner offers another] |-> room-inventory-db>reservation-service[the first reservation for this partner booking id {PartnerReservation exists}] => done | reject",
  },
];

export const FEED_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Publish, fan out to followers' feeds below the celebrity threshold",
    notation:
      "client>gateway[publish post with request id] -> gateway>post-service[create post] -> post-service>post-store[insert post and outbox row in one transaction {no post with this request id}] -> post-store>post-log[outbox relay: PostCreated] -> post-log>fanout-workers[consume PostCreated] -> fanout-workers>follower-index[list the author's followers, page by page] -> follower-index>fanout-workers[followers and the author's follower count {author followers < celebrity threshold}] -> fanout-workers>feed-cache[add post id to each follower's sorted set (member post id, scored by time), trimmed to a cap] |-> fanout-workers[skip the push: readers pull this author at read time {author followers >= celebrity threshold}] => done | retry",
  },
  {
    // reading is its own flow: it starts from a reader's request, not from any publish, so no publish branch holds it
    name: "Read the feed: the pushed list merged with followed celebrities' recent posts",
    notation:
      "client>gateway[get home feed with cursor] -> gateway>feed-service[read feed] -> feed-service>feed-cache[read the reader's pushed list after the cursor] -> feed-cache>feed-service[post ids pushed to this reader] -> feed-service>post-store[recent posts of the followed accounts above the celebrity threshold] -> post-store>feed-service[celebrity posts after the cursor] -> feed-service>post-store[hydrate the page's posts by id] -> post-store>feed-service[the posts that still exist: a deleted post's id is dropped from the page] -> feed-service>client[merged, ranked page and next cursor] => done | retry",
  },
];

export const CHAT_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Send with a client message id, sequence per conversation, deliver or store for offline devices",
    notation:
      "client>chat-gateway[send with client message id] -> chat-gateway>chat-service[route to the conversation's owner] -> chat-service>message-store[append at next conversation sequence {client message id not yet stored}] -> message-store>chat-service[stored at sequence n] -> chat-service>chat-gateway[ack sender: client message id is sequence n] -> chat-service>connection-registry[look up recipients' online devices] -> connection-registry>chat-service[gateway of each online device] -> chat-service>chat-gateway[push message n to online devices] -> chat-gateway>client[deliver n, device acks up to n] |-> message-store>chat-service[duplicate: return the stored sequence {client message id already stored}] |-> client>gateway[reconnected device syncs stored messages after its last sequence {device was offline at push}] => done | retry",
  },
];

export const CHECKOUT_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Place order with an idempotency key, outbox, provider charge, webhook and reconcile",
    notation:
      "client>gateway[place order with idempotency key] -> gateway>order-service[place order] -> order-service>order-db[one transaction: insert order pending payment and outbox row {no order with this idempotency key}] -> order-db>payment-worker[relay outbox row] -> payment-worker>payment-provider[charge, provider idempotency key = order id] -> payment-provider>order-service[signed webhook: charge result] -> order-service>order-db[mark paid or failed {Payment.state = pending}] |-> order-db>order-service[return the existing order {idempotency key already used}] |-> reconciler>payment-provider[fetch settlement report {no webhook before the timeout}] -> reconciler>order-db[fix payment states to match the provider] => done | retry | repair",
  },
];

export const MATCHING_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Offer to one driver with an expiring offer token, accept guarded by the token",
    notation:
      "client>gateway[request a trip with request id] -> gateway>trip-service[create trip] -> trip-service>trip-db[insert trip requested {no trip with this request id}] -> trip-service>dispatch-service[find a driver] -> dispatch-service>location-service[available drivers in the pickup's cell and its neighbours] -> location-service>dispatch-service[nearest candidates] -> dispatch-service>eta-service[road travel time from each candidate to the pickup] -> eta-service>dispatch-service[candidates ranked by ETA] -> dispatch-service>driver-state[claim the best driver: offer token, expires in 15 s {DriverState.status = available}] -> dispatch-service>driver-gateway[push the offer with its token to that one driver] -> driver-gateway>client[offer over the driver's open connection] -> client>driver-gateway[driver accepts with the offer token] -> driver-gateway>trip-service[accept] -> trip-service>driver-state[mark busy {DriverState.offer_token = token and offer_expires_at > now}] -> trip-service>trip-db[assign driver {Trip.state = requested}] |-> dispatch-service>driver-state[free the driver, offer the next one {offer_expires_at < now or declined}] => done | reject | retry",
  },
];

export const MEDIA_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Pre-signed upload, processing, publish",
    notation:
      "client>gateway[request upload with request id, size and type] -> gateway>media-service[create upload] -> media-service>media-db[record upload pending {no upload with this request id}] -> media-service>client[pre-signed PUT URL, expires in 15 min] -> client>object-store[PUT bytes to the pre-signed URL {signature valid and size within limit}] -> object-store>upload-events[object created] -> upload-events>media-workers[process upload] -> media-workers>object-store[write renditions] -> media-workers>media-db[mark ready: published {MediaItem.state = pending and sha256 matches}] |-> media-workers>media-db[mark failed after retries {processing failed}] => done | retry | park",
  },
];

export const MUSIC_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Play a licensed track from the CDN, count each play once",
    notation:
      "client>gateway[play track] -> gateway>music-service[resolve track for this listener] -> music-service>music-catalogue[read track, rights and renditions {listener's country in Track.countries}] -> music-service>client[rendition URLs for the client's bitrate] -> client>cdn[fetch audio by byte range] -> cdn>object-store[fill on miss] -> client>gateway[record the play with a client-made play id once it counts] -> gateway>play-log[append PlayEvent keyed by play id] -> play-log>play-aggregator[count each play id once for play counts and royalties {play id not counted yet}] |-> music-service>client[refuse: not licensed here {country not in Track.countries}] => done | reject | retry",
  },
  {
    name: "Edit a playlist against its version",
    notation:
      "client>gateway[add tracks with the playlist version read] -> gateway>playlist-store[write track list and bump version {Playlist.version = expected}] |-> playlist-store>gateway[conflict: reload and reapply {Playlist.version changed}] => done | retry",
  },
];

export const LEADERBOARD_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Submit a score: keep the best once per match, raise it in the board, read the rank",
    notation:
      "client>gateway[submit score with match id] -> gateway>score-service[submit score] -> score-service>score-store[keep the best score of the player on this board and period {no Score with this match id and new score > stored best}] -> score-store>score-service[stored best score] -> score-service>ranking-cache[raise the player's score only if higher (ZADD GT) {new score > member's score}] -> score-service>ranking-cache[read the player's rank] -> ranking-cache>score-service[rank] -> score-service>client[best score and rank] |-> score-store>score-service[duplicate match: the first result {a Score with this match id exists}] => done | reject",
  },
];

/**
 * File sync (Dropbox, "Streaming File Synchronization", 2014: a file is a list of SHA-256 hashes of its 4 MB blocks,
 * and the metadata journal holds those lists, not contents; Dropbox API v2: files/list_folder/longpoll blocks until a
 * cursor has changes or a timeout passes, and files/list_folder/continue then lists the changes after the cursor).
 */
export const FILE_SYNC_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Upload the missing blocks, then commit against the parent version",
    notation:
      "client[cut the changed file into 4 MB blocks and hash each with SHA-256] -> client>gateway[which of these block hashes are missing?] -> gateway>block-service[has-blocks check] -> block-service>block-store[look up the hashes] -> block-store>block-service[hashes not stored yet] -> block-service>client[missing hashes] -> client>block-service[upload each missing block with its hash {SHA-256 of the bytes = the named hash}] -> block-service>block-store[store the block once under its hash] -> client>gateway[commit path, parent version and block list] -> gateway>metadata-service[commit] -> metadata-service>block-store[check every listed block {every listed hash is stored}] -> metadata-service>metadata-db[append the version to the namespace journal and move the file's head {head version = parent version}] -> metadata-db>metadata-service[new version at the next journal_seq] -> metadata-service>notify-channel[namespace changed up to journal_seq] -> metadata-service>client[committed version] |-> metadata-service>client[412 with the missing hashes: upload them, then commit again {a listed hash is not stored}] => done | retry",
  },
  {
    name: "Follow the namespace journal: long poll, list changes after the cursor, fetch blocks",
    notation:
      "client>notify-channel[long poll with the namespace cursor] -> notify-channel>client[changes waiting {journal position > cursor}] -> client>gateway[list changes after the cursor] -> gateway>metadata-service[list changes] -> metadata-service>metadata-db[read the namespace journal after the cursor] -> metadata-db>metadata-service[committed changes in journal order and the new cursor] -> metadata-service>client[changes and the new cursor] -> client>block-service[fetch the blocks this device lacks, by hash] -> block-service>client[block bytes {SHA-256 of the bytes = the requested hash}] -> client[apply the changes, then save the new cursor] |-> notify-channel>client[no changes: poll again after any backoff {no commit before the timeout}] |-> metadata-service>client[410 cursor too old: list the whole namespace again {cursor older than the journal kept}] => done | retry",
  },
  {
    name: "Two devices commit from the same parent: the later one becomes a conflicted copy",
    notation:
      "client>gateway[commit path with parent version v] -> gateway>metadata-service[commit] -> metadata-service>metadata-db[move the head from v {head version = v}] -> metadata-db>metadata-service[refused: another device already moved the head past v] -> metadata-service>client[409 conflict with the current head] -> client>gateway[commit the local edit under a new conflicted-copy path] -> gateway>metadata-service[commit the copy] -> metadata-service>metadata-db[append the copy to the namespace journal {no file at the copy's path}] -> metadata-db>metadata-service[committed] -> metadata-service>client[both versions kept, nothing overwritten] => done | retry",
  },
];

/** A short link made from a leased block and created once under its code; a redirect read through the cache. */
export const SHORTLINK_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Shorten: take a code from the leased block, create the link once",
    notation:
      "client>gateway[shorten long URL with request id] -> gateway>shorten-service[shorten] -> shorten-service>code-counter[lease the next block when the node's block is used up {CodeBlock.version = version read}] -> code-counter>shorten-service[block start and end] -> shorten-service>link-store[create ShortLink under the next code {no ShortLink with this code}] -> link-store>shorten-service[created] -> shorten-service>client[short URL] |-> code-counter>shorten-service[refuse: another node advanced it first, read and retry {CodeBlock.version changed}] |-> link-store>shorten-service[refuse: code taken, take the next code {ShortLink with this code exists}] => done | retry",
  },
  {
    name: "Redirect through the cache, log the click",
    notation:
      "client>gateway[GET /code] -> gateway>redirect-service[redirect code] -> redirect-service>link-cache[look up code] -> link-cache>redirect-service[long URL or miss] -> redirect-service>link-store[read ShortLink on a miss and fill the cache] -> redirect-service>click-log[append click] -> redirect-service>client[302 to the long URL {ShortLink.state = active}] |-> redirect-service>client[410 gone {ShortLink.state = expired or disabled}] => done | reject",
  },
];

export const STOCK_LEDGER_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Pick and ship by one conditional decrement and its movement",
    notation:
      "client>gateway[ship quantity of an item from a location for an order, with movement id] -> gateway>inventory-service[ship] -> inventory-service>stock-store[one transaction in the location's partition: subtract quantity from on_hand and append the shipment movement {Stock.on_hand >= quantity}] -> stock-store>inventory-service[shipped, new on_hand] -> inventory-service>client[shipped] |-> stock-store>inventory-service[refuse: too few units on hand {Stock.on_hand < quantity}] |-> stock-store>inventory-service[return the first outcome {a movement with this movement_id exists}] => done | reject",
  },
  {
    name: "Transfer out of the source: its units leave on_hand and go in transit",
    notation:
      "client>gateway[transfer quantity of an item from a source to a destination, with transfer id] -> gateway>inventory-service[transfer out] -> inventory-service>stock-store[one transaction in the source's partition: subtract quantity from the source's on_hand, insert the transfer in transit and append its transfer-out movement {Stock.on_hand >= quantity}] -> stock-store>inventory-service[in transit] -> inventory-service>client[transfer id, in transit] |-> stock-store>inventory-service[refuse: too few units at the source {Stock.on_hand < quantity}] |-> stock-store>inventory-service[return the transfer already in transit {a transfer with this transfer_id exists}] => done | reject",
  },
  {
    name: "Transfer into the destination: the units arrive and join its on_hand once",
    notation:
      "client>gateway[receive the transfer at the destination] -> gateway>inventory-service[transfer in] -> inventory-service>stock-store[one transaction in the destination's partition: add quantity to the destination's on_hand and append the transfer-in movement keyed by the transfer id] -> stock-store>inventory-service[added] -> inventory-service>stock-store[mark the transfer received {Transfer.state = in_transit}] -> inventory-service>client[received] |-> stock-store>inventory-service[change nothing: already received {a transfer-in movement for this transfer_id exists}] => done | reject",
  },
];
