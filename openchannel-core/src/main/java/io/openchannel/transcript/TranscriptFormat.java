package io.openchannel.transcript;

import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import io.openchannel.interaction.Visibility;
import io.openchannel.internal.util.Checks;
import io.openchannel.internal.util.Size;
import io.openchannel.message.Attachment;
import io.openchannel.message.MessageKind;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The wording the built-in renderers share, so a plain-text and a PDF transcript of the same
 * interaction say the same thing; renderers of your own may use it too. Stateless and
 * thread-safe.
 */
public final class TranscriptFormat {
  /** Shown for a character that is not printable text (a control character). */
  public static final String REPLACEMENT = "\uFFFD";

  /** Shown for an absent value in the header, such as the close time of an open interaction. */
  public static final String NONE = "-";

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx", Locale.ROOT);

  private TranscriptFormat() {}

  /**
   * One line of the transcript's header.
   *
   * @param label what the line is about, such as {@code Contact}
   * @param value its value, printable and on one line
   */
  public record Field(String label, String value) {
    /** Validates the field. */
    public Field {
      Checks.notNull(label, "label");
      Checks.notNull(value, "value");
    }
  }

  /** The header: interaction, contact, account, status, times, disposition, agents, tags. */
  public static List<Field> header(Transcript t) {
    long notes = t.entries().stream().filter(TranscriptEntry::isInternalNote).count();
    long messages = t.entries().size() - notes;
    String count = messages + (messages == 1 ? " message" : " messages")
        + (t.notesIncluded() ? ", " + notes + (notes == 1 ? " internal note" : " internal notes")
            : ", internal notes not included");
    return List.of(
        new Field("Interaction", t.interaction().value()),
        new Field("Contact", inline(t.contactName()) + " (contact " + t.contact().value() + ")"),
        new Field("Account", inline(t.accountName()) + " (" + t.account().value() + ", "
            + t.channel().displayName() + ", " + visibility(t.visibility()) + ")"),
        new Field("Status", t.status() == InteractionStatus.OPEN ? "open" : "closed"),
        new Field("Started", dateTime(t.startedAt())),
        new Field("Closed", t.closedAt().map(TranscriptFormat::dateTime).orElse(NONE)),
        new Field("Disposition", t.dispositionLabel().map(TranscriptFormat::inline).orElse(NONE)),
        new Field("Agents", t.agentNames().isEmpty() ? NONE
            : t.agentNames().stream().map(TranscriptFormat::inline).collect(Collectors.joining(", "))),
        new Field("Tags", t.tags().isEmpty() ? NONE
            : t.tags().stream().map(Tag::name).map(TranscriptFormat::inline)
                .collect(Collectors.joining(", "))),
        new Field("Messages", count),
        new Field("Time zone", t.zone().getId()),
        new Field("Generated", dateTime(t.generatedAt()) + " by " + inline(t.generatedBy())));
  }

  /**
   * The line above a message: time, sender and role, and for messages sent to the channel their
   * delivery status: {@code 2026-11-24 10:00:05 +01:00  Ann (agent) [failed: blocked]}.
   */
  public static String heading(TranscriptEntry e) {
    StringBuilder s = new StringBuilder()
        .append(dateTime(e.at())).append("  ").append(inline(e.senderName()))
        .append(" (").append(role(e)).append(')');
    e.deliveryStatus().ifPresent(status -> {
      s.append(" [").append(status.name().toLowerCase(Locale.ROOT));
      e.failureReason().ifPresent(r -> s.append(": ").append(inline(r)));
      s.append(']');
    });
    return s.toString();
  }

  /** What kind of sender and message: {@code customer}, {@code agent, canned answer}, ... */
  public static String role(TranscriptEntry e) {
    switch (e.senderRole()) {
      case CUSTOMER:
        return e.kind() == MessageKind.VOICE ? "customer, voice message" : "customer";
      case AUTO_REPLY:
        return "auto-reply";
      default:
        if (e.isInternalNote()) {
          return "internal note";
        }
        if (e.kind() == MessageKind.TEMPLATE) {
          return "agent, template";
        }
        if (e.kind() == MessageKind.VOICE) {
          return "agent, voice message";
        }
        return e.canned() ? "agent, canned answer" : "agent";
    }
  }

  /** The message's text as printable lines (see {@link #printable}); none for empty text. */
  public static List<String> bodyLines(TranscriptEntry e) {
    String text = printable(e.text());
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** The attachment line: {@code Attachment: invoice.pdf (application/pdf, 12 KB)}. */
  public static Optional<String> attachmentLine(TranscriptEntry e) {
    return e.attachment().map(a -> (e.kind() == MessageKind.VOICE ? "Voice message: " : "Attachment: ")
        + inline(a.fileName()) + " (" + inline(a.contentType()) + ", " + size(a) + ")");
  }

  /** {@code 2026-11-24 10:00:05 +01:00}: local time with its offset, so no time is ambiguous. */
  public static String dateTime(ZonedDateTime t) {
    return DATE_TIME.format(t);
  }

  /**
   * Text made safe to print: line breaks ({@code \r\n}, {@code \r}, U+2028, U+2029) become
   * {@code \n}, a tab four spaces, and every other control character (C0, DEL, C1: terminal
   * escapes, bells, NULs) {@value #REPLACEMENT}. Everything else, emoji, joiners and
   * right-to-left text included, is kept as it is.
   */
  public static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          continue;
        }
        out.append('\n');
      } else if (c == '\n' || c == '\u2028' || c == '\u2029') {
        out.append('\n');
      } else if (c == '\t') {
        out.append("    ");
      } else if (Character.isISOControl(c)) {
        out.append(REPLACEMENT);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@link #printable} on one line: line breaks become spaces. */
  public static String inline(String text) {
    return printable(text).replace('\n', ' ');
  }

  private static String size(Attachment a) {
    return Size.format(a.sizeBytes());
  }

  private static String visibility(Visibility v) {
    return v == Visibility.PUBLIC ? "public" : "private";
  }
}
