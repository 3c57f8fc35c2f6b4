package io.openchannel.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.openchannel.SendNotAllowedException;
import io.openchannel.internal.util.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link ChannelPolicy}'s answer: {@link Allowed} (and how to send) or {@link Denied} (and why).
 * Immutable values, so thread-safe. A decision holds for the {@link SendContext} it was made for;
 * ask again when the clock or the conversation changes.
 */
public sealed interface SendDecision permits SendDecision.Allowed, SendDecision.Denied {

  /**
   * When this decision stops holding on its own, for UIs ("you may reply until 14:02"): for
   * {@link Allowed} the first instant at which this permission has ended, always after the
   * context's {@code now}; for {@link Denied} the first instant at which sending may be allowed
   * again. Empty when only something else can change it, typically the customer writing again.
   */
  Optional<Instant> until();

  /** Whether the message may be sent. */
  @JsonIgnore // derived, so not part of the JSON form
  default boolean isAllowed() {
    return this instanceof Allowed;
  }

  /**
   * The permission, for the send path.
   *
   * @throws SendNotAllowedException with the denial's message if this is a {@link Denied}
   */
  default Allowed orElseThrow() {
    if (this instanceof Denied denied) {
      throw denied.toException();
    }
    return (Allowed) this;
  }

  /**
   * The message may be sent, this way.
   *
   * @param messagingType Meta's {@code messaging_type} to use (Messenger, Instagram); empty on
   *     other channels
   * @param tag the message tag to send, present exactly when the type is {@code MESSAGE_TAG}
   * @param template whether the message is sent as an approved template (WhatsApp)
   * @param replyMode LINE: reply with the token or push; empty on other channels
   * @param until when this permission ends; see {@link SendDecision#until()}
   */
  record Allowed(Optional<MessagingType> messagingType, Optional<MessageTag> tag, boolean template,
      Optional<ReplyMode> replyMode, Optional<Instant> until) implements SendDecision {

    /**
     * Validates the permission.
     *
     * @throws io.openchannel.InvalidInputException if a value is null, or a tag comes without the
     *     {@code MESSAGE_TAG} type or that type without a tag
     */
    public Allowed {
      Checks.notNull(messagingType, "messagingType");
      Checks.notNull(tag, "tag");
      Checks.notNull(replyMode, "replyMode");
      Checks.notNull(until, "until");
      Checks.check(tag.isPresent() == messagingType.equals(Optional.of(MessagingType.MESSAGE_TAG)),
          () -> "a message tag goes with messaging type MESSAGE_TAG and only with it; got type "
              + messagingType.orElse(null) + " and tag " + tag.orElse(null));
    }

    /** Allowed with nothing special to do, until the given instant if any. */
    public static Allowed plain(Optional<Instant> until) {
      return new Allowed(Optional.empty(), Optional.empty(), false, Optional.empty(), until);
    }

    /** Allowed on a Meta channel with an untagged messaging type. */
    public static Allowed meta(MessagingType type, Optional<Instant> until) {
      return new Allowed(Optional.of(type), Optional.empty(), false, Optional.empty(), until);
    }

    /** Allowed on a Meta channel outside the window with a message tag, until the given instant. */
    public static Allowed tagged(MessageTag tag, Instant until) {
      return new Allowed(Optional.of(MessagingType.MESSAGE_TAG), Optional.of(tag), false,
          Optional.empty(), Optional.of(until));
    }

    /** Allowed as an approved template, at any time. */
    public static Allowed asTemplate() {
      return new Allowed(Optional.empty(), Optional.empty(), true, Optional.empty(),
          Optional.empty());
    }

    /** Allowed on LINE in the given mode, until the given instant if any. */
    public static Allowed line(ReplyMode mode, Optional<Instant> until) {
      return new Allowed(Optional.empty(), Optional.empty(), false, Optional.of(mode), until);
    }
  }

  /**
   * The message may not be sent.
   *
   * @param reason why, for machines
   * @param message why and what to do, for the agent
   * @param until when sending may be allowed again; see {@link SendDecision#until()}
   */
  record Denied(DenialReason reason, String message, Optional<Instant> until)
      implements SendDecision {

    /**
     * Validates the refusal.
     *
     * @throws io.openchannel.InvalidInputException if a value is null or the message is blank
     */
    public Denied {
      Checks.notNull(reason, "reason");
      Checks.notNull(message, "message");
      Checks.check(!message.isBlank(), "message must say why and what to do");
      Checks.notNull(until, "until");
    }

    /** The exception the send path throws for this refusal; its message is {@link #message()}. */
    public SendNotAllowedException toException() {
      return new SendNotAllowedException(message, reason, until);
    }
  }
}
