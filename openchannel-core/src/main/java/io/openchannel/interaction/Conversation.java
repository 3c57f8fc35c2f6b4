package io.openchannel.interaction;

import io.openchannel.account.AccountId;
import io.openchannel.contact.ContactId;
import io.openchannel.internal.util.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * The thread between one account and one contact. It holds successive interactions; at most one
 * is open at a time. Immutable.
 *
 * @param id the conversation's id
 * @param key the account, address, visibility and thread that identify it
 * @param contact the contact on the other side
 * @param openInteraction the open interaction, if one is open
 * @param interactionCount how many interactions it has had
 * @param unmanagedCount how many of its interactions no agent has managed yet (S19)
 * @param createdAt when it began
 * @param lastInboundAt when the customer last wrote, by the channel's clock (never later than
 *     ours); channels' messaging windows count from it
 * @param sentAfterWindow how many messages were sent after the 24-hour window closed and since
 *     the customer last wrote (the legacy "24 + 1" rule counts them)
 * @param version the store's optimistic version; 0 for a conversation not stored yet
 */
public record Conversation(
    ConversationId id,
    ConversationKey key,
    ContactId contact,
    Optional<InteractionId> openInteraction,
    int interactionCount,
    int unmanagedCount,
    Instant createdAt,
    Optional<Instant> lastInboundAt,
    int sentAfterWindow,
    long version) {

  /** Validates the conversation. */
  public Conversation {
    Checks.notNull(id, "id");
    Checks.notNull(key, "key");
    Checks.notNull(contact, "contact");
    Checks.notNull(openInteraction, "openInteraction");
    Checks.notNegative(interactionCount, "interactionCount");
    Checks.notNegative(unmanagedCount, "unmanagedCount");
    Checks.check(unmanagedCount <= interactionCount,
        () -> "unmanagedCount " + unmanagedCount + " exceeds interactionCount " + interactionCount);
    Checks.notNull(createdAt, "createdAt");
    Checks.notNull(lastInboundAt, "lastInboundAt");
    Checks.notNegative(sentAfterWindow, "sentAfterWindow");
    Checks.notNegative(version, "version");
  }

  /** A new conversation with no interaction yet. */
  public static Conversation start(ConversationId id, ConversationKey key, ContactId contact,
      Instant at) {
    return new Conversation(id, key, contact, Optional.empty(), 0, 0, at, Optional.empty(), 0, 0);
  }

  /** The account of the conversation. */
  public AccountId account() {
    return key.account();
  }

  /** With a new open interaction counted, managed or not. */
  public Conversation withOpened(InteractionId interaction, boolean managed) {
    return new Conversation(id, key, contact, Optional.of(interaction), interactionCount + 1,
        managed ? unmanagedCount : unmanagedCount + 1, createdAt, lastInboundAt, sentAfterWindow,
        version);
  }

  /** With no open interaction. */
  public Conversation withClosed() {
    return new Conversation(id, key, contact, Optional.empty(), interactionCount, unmanagedCount,
        createdAt, lastInboundAt, sentAfterWindow, version);
  }

  /** With one fewer unmanaged interaction: an agent managed one for the first time. */
  public Conversation withOneManaged() {
    return new Conversation(id, key, contact, openInteraction, interactionCount,
        unmanagedCount - 1, createdAt, lastInboundAt, sentAfterWindow, version);
  }

  /**
   * The customer wrote at {@code at}: the window reopens and the after-window count starts over.
   * A message older than the last one (a late webhook retry) changes nothing.
   */
  public Conversation withInbound(Instant at) {
    if (lastInboundAt.isPresent() && !at.isAfter(lastInboundAt.get())) {
      return this;
    }
    return new Conversation(id, key, contact, openInteraction, interactionCount, unmanagedCount,
        createdAt, Optional.of(at), 0, version);
  }

  /** One more message sent after the window closed. */
  public Conversation withOneSentAfterWindow() {
    return new Conversation(id, key, contact, openInteraction, interactionCount, unmanagedCount,
        createdAt, lastInboundAt, sentAfterWindow + 1, version);
  }

  /** The store sets versions; engines and tests call this only through a store. */
  public Conversation withVersion(long newVersion) {
    return new Conversation(id, key, contact, openInteraction, interactionCount, unmanagedCount,
        createdAt, lastInboundAt, sentAfterWindow, newVersion);
  }
}
