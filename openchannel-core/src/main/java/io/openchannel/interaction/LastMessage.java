package io.openchannel.interaction;

import io.openchannel.internal.util.Checks;
import io.openchannel.message.Direction;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import java.time.Instant;

/**
 * What the interactions view shows as an interaction's last message (S16). Auto-replies and
 * internal notes never become the last message.
 *
 * @param messageId the message
 * @param at when it was stored
 * @param direction incoming or outgoing
 * @param kind text, attachment or voice
 * @param preview the start of its text (or the attachment's file name), at most
 *     {@value #PREVIEW_LENGTH} code points
 */
public record LastMessage(
    MessageId messageId, Instant at, Direction direction, MessageKind kind, String preview) {
  /** How many code points of text a preview keeps. */
  public static final int PREVIEW_LENGTH = 100;

  /** Validates the last message. */
  public LastMessage {
    Checks.notNull(messageId, "messageId");
    Checks.notNull(at, "at");
    Checks.notNull(direction, "direction");
    Checks.notNull(kind, "kind");
    Checks.notNull(preview, "preview");
  }

  /** The first {@value #PREVIEW_LENGTH} code points of {@code text}, never splitting a surrogate pair. */
  public static String preview(String text) {
    if (text.codePointCount(0, text.length()) <= PREVIEW_LENGTH) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, PREVIEW_LENGTH - 1)) + "…";
  }
}
