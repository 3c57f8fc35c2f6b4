package io.openchannel.tck;

import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.Attachment;
import io.openchannel.message.AttachmentId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.transcript.SenderRole;
import io.openchannel.transcript.Transcript;
import io.openchannel.transcript.TranscriptEntry;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Hand-built transcripts with fixed ids and times, for renderer tests and {@link TranscriptRendererContract}. */
public final class TranscriptSamples {
  /** The zone of every sample. */
  public static final ZoneId ROME = ZoneId.of("Europe/Rome");

  private TranscriptSamples() {}

  /** 10:00 on 24 November 2026 in Rome, plus {@code minutes}. */
  public static ZonedDateTime at(int minutes) {
    return ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ROME).plusMinutes(minutes);
  }

  /** A customer's text message. */
  public static TranscriptEntry customer(String id, int minute, String text) {
    return new TranscriptEntry(MessageId.of(id), at(minute), Direction.IN, MessageKind.TEXT,
        SenderRole.CUSTOMER, "Mia Rossi", text, Optional.empty(), Optional.empty(),
        Optional.empty(), false);
  }

  /** An agent's text message, sent. */
  public static TranscriptEntry agent(String id, int minute, String text) {
    return new TranscriptEntry(MessageId.of(id), at(minute), Direction.OUT, MessageKind.TEXT,
        SenderRole.AGENT, "Ann Agent", text, Optional.empty(), Optional.of(DeliveryStatus.SENT),
        Optional.empty(), false);
  }

  /**
   * A closed, disposed interaction on Messenger: the customer, an auto-reply, a canned answer,
   * a file that failed, a voice message and an internal note.
   */
  public static Transcript closedWithEverything() {
    List<TranscriptEntry> entries = List.of(
        customer("m1", 0, "Hi! Where is my order? 📦\nIt was due yesterday."),
        new TranscriptEntry(MessageId.of("m2"), at(0), Direction.OUT, MessageKind.TEXT,
            SenderRole.AUTO_REPLY, "Shop", "Thanks! An agent will be with you shortly.",
            Optional.empty(), Optional.of(DeliveryStatus.READ), Optional.empty(), false),
        new TranscriptEntry(MessageId.of("m3"), at(2), Direction.OUT, MessageKind.TEXT,
            SenderRole.AGENT, "Ann Agent", "Hello Mia, I am Ann.", Optional.empty(),
            Optional.of(DeliveryStatus.DELIVERED), Optional.empty(), true),
        new TranscriptEntry(MessageId.of("m4"), at(3), Direction.OUT, MessageKind.ATTACHMENT,
            SenderRole.AGENT, "Ann Agent", "Your invoice",
            Optional.of(new Attachment(AttachmentId.of("a1"), "invoice.pdf", "application/pdf", 12_800)),
            Optional.of(DeliveryStatus.FAILED), Optional.of("recipient blocked the Page"), false),
        new TranscriptEntry(MessageId.of("m5"), at(4), Direction.IN, MessageKind.VOICE,
            SenderRole.CUSTOMER, "Mia Rossi", "",
            Optional.of(new Attachment(AttachmentId.of("a2"), "voice.ogg", "audio/ogg", 300)),
            Optional.empty(), Optional.empty(), false),
        new TranscriptEntry(MessageId.of("m6"), at(5), Direction.OUT, MessageKind.NOTE,
            SenderRole.AGENT, "Ann Agent", "VIP customer", Optional.empty(), Optional.empty(),
            Optional.empty(), false));
    return transcript(entries, true, InteractionStatus.CLOSED);
  }

  /** A transcript of the given entries, with the sample's header. */
  public static Transcript transcript(List<TranscriptEntry> entries, boolean notes,
      InteractionStatus status) {
    boolean closed = status == InteractionStatus.CLOSED;
    return new Transcript(InteractionId.of("int-1"), ContactId.of("c-1"), "Mia Rossi",
        AccountId.of("fb-shop"), "Shop", ChannelType.FACEBOOK_MESSENGER, Visibility.PRIVATE,
        status, at(0), closed ? Optional.of(at(6)) : Optional.empty(),
        closed ? Optional.of(DispositionId.of("won")) : Optional.empty(),
        closed ? Optional.of("Sales / Order placed") : Optional.empty(),
        List.of("Ann Agent"), List.of(Tag.of("vip"), Tag.of("late")), entries, notes, ROME,
        at(60), "Ann Agent");
  }

  /** {@code count} customer messages of {@code text}, one a minute. */
  public static Transcript manyMessages(int count, String text) {
    List<TranscriptEntry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(i % 2 == 0 ? customer("m" + i, i, text + " #" + i) : agent("m" + i, i, text + " #" + i));
    }
    return transcript(entries, false, InteractionStatus.OPEN);
  }
}
