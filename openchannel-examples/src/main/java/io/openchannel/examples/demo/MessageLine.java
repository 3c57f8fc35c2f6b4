package io.openchannel.examples.demo;

import io.openchannel.examples.terminal.Columns;
import io.openchannel.message.Attachment;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the demo shows one {@link Message}: direction, kind, flags, status and content. */
final class MessageLine {
  private MessageLine() {}

  /** One line: {@code → out  text [canned]  "Hi Mia, this is…"}, cut to {@code columns}. */
  static String summary(Message message, int columns) {
    String flags = flags(message);
    String lead = Columns.pad(Narrator.arrow(message.direction()), 5) + "  " + kind(message)
        + (flags.isEmpty() ? "" : " " + flags) + "  ";
    return lead + content(message, columns - Columns.width(lead));
  }

  /** {@code text}, {@code attachment}, {@code voice} or {@code note}. */
  static String kind(Message message) {
    return message.kind().name().toLowerCase(Locale.ROOT);
  }

  /** {@code [auto-reply]}, {@code [canned]}, {@code [note]}: what is special about it. */
  static String flags(Message message) {
    List<String> flags = new ArrayList<>();
    if (message.autoReply()) {
      flags.add("[auto-reply]");
    }
    if (message.canned()) {
      flags.add("[canned]");
    }
    if (message.isInternalNote()) {
      flags.add("[note]");
    }
    return String.join(" ", flags);
  }

  /**
   * The delivery status of a message sent to the channel, with its checkmarks; "received" for the
   * customer's, "not sent" for internal notes, which never leave the contact center.
   */
  static String status(Message message) {
    if (message.isInternalNote()) {
      return "not sent";
    }
    return message.deliveryStatus().map(MessageLine::checkmarks).orElse("received");
  }

  /**
   * {@code ✓✓ SENT}, {@code ✓✓ DELIVERED}, {@code ✓✓ READ}: the channel accepted the message (the
   * double checkmark of S12); {@code ✗ FAILED}: the single checkmark of S12, a problem;
   * {@code QUEUED}: waiting in the outbox.
   */
  static String checkmarks(DeliveryStatus status) {
    if (status == DeliveryStatus.FAILED) {
      return "✗ FAILED";
    }
    return status.isSentOrLater() ? "✓✓ " + status.name() : status.name();
  }

  /** The text in quotes, or the file's name: enough to tell which message it is. */
  static String brief(Message message, int columns) {
    return message.attachment().map(file -> Columns.shorten(file.fileName(), columns))
        .orElseGet(() -> Narrator.quote(message.text(), columns));
  }

  /** The text in quotes, or the file with its caption. */
  static String content(Message message, int columns) {
    if (message.attachment().isEmpty()) {
      return Narrator.quote(message.text(), columns);
    }
    Attachment file = message.attachment().get();
    String described = file.fileName() + " (" + file.contentType() + ", " + file.sizeBytes() + " bytes)";
    if (message.text().isBlank()) {
      return Columns.shorten(described, columns);
    }
    int left = columns - Columns.width(described) - 1;
    return left < 12 ? Columns.shorten(described, columns)
        : described + " " + Narrator.quote(message.text(), left);
  }
}
