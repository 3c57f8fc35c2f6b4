package io.openchannel.examples.bench;

import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.pdf.PdfTranscriptRenderer;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.transcript.PlainTextTranscriptRenderer;
import io.openchannel.transcript.SenderRole;
import io.openchannel.transcript.Transcript;
import io.openchannel.transcript.TranscriptEntry;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering one transcript of {@code messages} messages (a mix of Latin, Cyrillic, emoji and a
 * few long paragraphs) as PDF and as plain text: what a download costs the host.
 *
 * <pre>
 * java -cp openchannel-examples/target/openchannel-examples.jar org.openjdk.jmh.Main TranscriptBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TranscriptBenchmark {
  @Param({"50", "1000"})
  int messages;

  private Transcript transcript;
  private final PdfTranscriptRenderer pdf = new PdfTranscriptRenderer();
  private final PlainTextTranscriptRenderer text = new PlainTextTranscriptRenderer();

  @Setup
  public void build() {
    ZoneId zone = ZoneId.of("Europe/Rome");
    ZonedDateTime start = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, zone);
    List<TranscriptEntry> entries = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      boolean in = i % 2 == 0;
      String body = switch (i % 5) {
        case 0 -> "Hi! Where is my order? 📦 It was due yesterday.";
        case 1 -> "Здравствуйте! Ваш заказ уже в пути, доставка завтра.";
        case 2 -> "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(8);
        case 3 -> "Ok, thanks 👍";
        default -> "Could you send me the invoice as a PDF, please?";
      };
      entries.add(new TranscriptEntry(MessageId.of("m" + i), start.plusSeconds(30L * i),
          in ? Direction.IN : Direction.OUT, MessageKind.TEXT,
          in ? SenderRole.CUSTOMER : SenderRole.AGENT, in ? "Mia Rossi" : "Ann Agent", body,
          Optional.empty(), in ? Optional.empty() : Optional.of(DeliveryStatus.READ),
          Optional.empty(), false));
    }
    transcript = new Transcript(InteractionId.of("bench"), ContactId.of("c"), "Mia Rossi",
        AccountId.of("fb"), "Shop", ChannelType.FACEBOOK_MESSENGER, Visibility.PRIVATE,
        InteractionStatus.OPEN, start, Optional.empty(), Optional.empty(), Optional.empty(),
        List.of("Ann Agent"), List.of(), entries, false, zone, start.plusDays(1), "Ann Agent");
  }

  @Benchmark
  public byte[] pdf() throws IOException {
    return pdf.toPdf(transcript);
  }

  @Benchmark
  public String plainText() {
    return text.toText(transcript);
  }
}
