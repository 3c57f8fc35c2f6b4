package io.openchannel.interaction;

import io.openchannel.account.AccountId;
import io.openchannel.contact.ContactId;
import io.openchannel.internal.util.Checks;
import io.openchannel.message.Direction;
import io.openchannel.routing.AgentId;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One session of a conversation, from the first message to its close. Immutable: every change
 * is a new value written by the engine in a store transaction.
 *
 * @param id the interaction's id
 * @param conversation the conversation it belongs to
 * @param account the account (copied from the conversation for the view's filters)
 * @param contact the contact (copied from the conversation)
 * @param visibility private or public (S23)
 * @param origin {@code IN} when the customer opened it, {@code OUT} when an agent started it (S26)
 * @param status open or closed
 * @param startedAt when it was opened
 * @param firstAgent the first agent who managed it (the view's agent filter, S17)
 * @param owner the agent who handles it now
 * @param read whether an agent has read its latest inbound message
 * @param tags its labels, sorted
 * @param lastMessage the last message the view shows (S16)
 * @param closedAt when it was closed (S24)
 * @param disposition the disposition picked at "Close &amp; Dispose" (S24)
 * @param version the store's optimistic version; 0 for an interaction not stored yet
 */
public record Interaction(
    InteractionId id,
    ConversationId conversation,
    AccountId account,
    ContactId contact,
    Visibility visibility,
    Direction origin,
    InteractionStatus status,
    Instant startedAt,
    Optional<AgentId> firstAgent,
    Optional<AgentId> owner,
    boolean read,
    SortedSet<Tag> tags,
    Optional<LastMessage> lastMessage,
    Optional<Instant> closedAt,
    Optional<DispositionId> disposition,
    long version) {

  private static final SortedSet<Tag> NO_TAGS = Collections.emptySortedSet();

  /** Validates the interaction and copies its tags. */
  public Interaction {
    Checks.notNull(id, "id");
    Checks.notNull(conversation, "conversation");
    Checks.notNull(account, "account");
    Checks.notNull(contact, "contact");
    Checks.notNull(visibility, "visibility");
    Checks.notNull(origin, "origin");
    Checks.notNull(status, "status");
    Checks.notNull(startedAt, "startedAt");
    Checks.notNull(firstAgent, "firstAgent");
    Checks.notNull(owner, "owner");
    Checks.notNull(tags, "tags");
    Checks.notNull(lastMessage, "lastMessage");
    Checks.notNull(closedAt, "closedAt");
    Checks.notNull(disposition, "disposition");
    Checks.notNegative(version, "version");
    Checks.check(owner.isEmpty() || firstAgent.isPresent(), "an owned interaction has a first agent");
    Checks.check((status == InteractionStatus.CLOSED) == closedAt.isPresent(),
        "closedAt is set exactly when the interaction is closed");
    Checks.check(disposition.isEmpty() || status == InteractionStatus.CLOSED,
        "only a closed interaction has a disposition");
    // Most interactions have no tags and every wither passes them on, so the empty case shares
    // one immutable set instead of copying a TreeSet per change.
    tags = tags.isEmpty() && tags.comparator() == null ? NO_TAGS
        : Collections.unmodifiableSortedSet(new TreeSet<>(tags));
  }

  /** A new open interaction with no agent, no tags, unread. */
  public static Interaction open(InteractionId id, Conversation conversation, Direction origin,
      Instant at) {
    return new Interaction(id, conversation.id(), conversation.account(), conversation.contact(),
        conversation.key().visibility(), origin, InteractionStatus.OPEN, at, Optional.empty(),
        Optional.empty(), origin == Direction.OUT, NO_TAGS, Optional.empty(),
        Optional.empty(), Optional.empty(), 0);
  }

  /** Whether the interaction is open. */
  public boolean isOpen() {
    return status == InteractionStatus.OPEN;
  }

  /** Whether some agent has managed it (S19 counts those that none has). */
  public boolean isManaged() {
    return firstAgent.isPresent();
  }

  /** Assigned to {@code agent}; the first agent is kept if there was one. */
  public Interaction withOwner(AgentId agent) {
    // One Optional for both when the owner is the first agent (most interactions): it is kept
    // for as long as the interaction is.
    Optional<AgentId> newOwner = owner.isPresent() && owner.get().equals(agent) ? owner
        : firstAgent.isPresent() && firstAgent.get().equals(agent) ? firstAgent : Optional.of(agent);
    return new Interaction(id, conversation, account, contact, visibility, origin, status,
        startedAt, firstAgent.isPresent() ? firstAgent : newOwner, newOwner, read, tags,
        lastMessage, closedAt, disposition, version);
  }

  /** With no owner (transferred or requeued); the first agent is kept. */
  public Interaction withoutOwner() {
    return new Interaction(id, conversation, account, contact, visibility, origin, status,
        startedAt, firstAgent, Optional.empty(), read, tags, lastMessage, closedAt, disposition,
        version);
  }

  /** With the read flag set to {@code newRead}. */
  public Interaction withRead(boolean newRead) {
    return new Interaction(id, conversation, account, contact, visibility, origin, status,
        startedAt, firstAgent, owner, newRead, tags, lastMessage, closedAt, disposition, version);
  }

  /** With exactly these tags. */
  public Interaction withTags(Set<Tag> newTags) {
    return new Interaction(id, conversation, account, contact, visibility, origin, status,
        startedAt, firstAgent, owner, read, new TreeSet<>(newTags), lastMessage, closedAt,
        disposition, version);
  }

  /** With {@code message} as the view's last message. */
  public Interaction withLastMessage(LastMessage message) {
    return new Interaction(id, conversation, account, contact, visibility, origin, status,
        startedAt, firstAgent, owner, read, tags, Optional.of(message), closedAt, disposition,
        version);
  }

  /**
   * Closed at {@code at}, with an optional disposition.
   *
   * @throws io.openchannel.IllegalTransitionException if it is already closed
   */
  public Interaction closed(Instant at, Optional<DispositionId> newDisposition) {
    InteractionStatus next = status.moveTo(InteractionStatus.CLOSED);
    return new Interaction(id, conversation, account, contact, visibility, origin, next,
        startedAt, firstAgent, owner, read, tags, lastMessage, Optional.of(at), newDisposition,
        version);
  }

  /** The store sets versions; engines and tests call this only through a store. */
  public Interaction withVersion(long newVersion) {
    return new Interaction(id, conversation, account, contact, visibility, origin, status,
        startedAt, firstAgent, owner, read, tags, lastMessage, closedAt, disposition, newVersion);
  }
}
