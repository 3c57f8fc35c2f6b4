package io.openchannel.spi.channel;

import io.openchannel.interaction.Visibility;
import io.openchannel.internal.util.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A customer's message, as a connector parsed it or as a host hands it to
 * {@link io.openchannel.OpenChannel#receive}.
 *
 * @param channelMessageId the channel's id of the message (mid, wamid, update id...): the same id
 *     received twice is stored once
 * @param sender who wrote it
 * @param text its text, exactly as received; may be empty when there is an attachment
 * @param attachment its single file, if any
 * @param voice whether the attachment is a recorded voice message
 * @param sentAt when the channel says it was sent
 * @param visibility private or public; empty means the channel's default
 * @param threadId the thread (a Page post, a generic-channel thread id), if any
 */
public record InboundMessage(
    String channelMessageId,
    SenderProfile sender,
    String text,
    Optional<InboundAttachment> attachment,
    boolean voice,
    Instant sentAt,
    Optional<Visibility> visibility,
    Optional<String> threadId) implements InboundEvent {

  /** Validates the message. */
  public InboundMessage {
    Checks.identifier(channelMessageId, "channelMessageId", 512);
    Checks.notNull(sender, "sender");
    Checks.notNull(text, "text");
    Checks.notNull(attachment, "attachment");
    Checks.notNull(sentAt, "sentAt");
    Checks.notNull(visibility, "visibility");
    Checks.notNull(threadId, "threadId");
    threadId.ifPresent(t -> Checks.identifier(t, "threadId", 256));
    Checks.check(attachment.isPresent() || !text.isBlank(),
        () -> "inbound message " + channelMessageId + " has neither text nor an attachment");
    Checks.check(!voice || attachment.isPresent(), "a voice message needs its audio attachment");
  }

  /** A private text message. */
  public static InboundMessage text(String channelMessageId, SenderProfile sender, String text,
      Instant sentAt) {
    return new InboundMessage(channelMessageId, sender, text, Optional.empty(), false, sentAt,
        Optional.empty(), Optional.empty());
  }

  /** A private message carrying one file and no text; {@code voice} for a recorded voice message. */
  public static InboundMessage file(String channelMessageId, SenderProfile sender,
      InboundAttachment file, boolean voice, Instant sentAt) {
    return new InboundMessage(channelMessageId, sender, "", Optional.of(file), voice, sentAt,
        Optional.empty(), Optional.empty());
  }

  /** The same message in a public thread. */
  public InboundMessage inPublicThread(String thread) {
    return new InboundMessage(channelMessageId, sender, text, attachment, voice, sentAt,
        Optional.of(Visibility.PUBLIC), Optional.of(thread));
  }
}
