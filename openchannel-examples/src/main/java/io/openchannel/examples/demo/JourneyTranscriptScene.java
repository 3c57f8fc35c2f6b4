package io.openchannel.examples.demo;

import io.openchannel.AgentDesk;
import io.openchannel.OpenChannel;
import io.openchannel.PermissionDeniedException;
import io.openchannel.adapters.pdf.PdfTranscriptRenderer;
import io.openchannel.contact.ContactId;
import io.openchannel.contact.Journey;
import io.openchannel.contact.JourneyEntry;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.Agent;
import io.openchannel.routing.Permission;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.transcript.Transcript;
import io.openchannel.transcript.TranscriptFormat;
import io.openchannel.transcript.TranscriptOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;

/**
 * Mia writes again, which opens a second interaction; her journey lists both (S9). Then Ann
 * downloads the first one's transcript as a PDF (S22): refused until an administrator grants
 * her the permission.
 */
final class JourneyTranscriptScene {
  /** Where the PDF goes unless {@code --out} says otherwise. */
  static Path defaultOutput() {
    return Path.of(System.getProperty("java.io.tmpdir"), "openchannel-demo-transcript.pdf");
  }

  private static final ZoneId MIAS_ZONE = ZoneId.of("Europe/Rome");

  private final OpenChannel oc;
  private final DemoClock clock;
  private final Narrator say;
  private final Path output;

  JourneyTranscriptScene(OpenChannel oc, DemoClock clock, Narrator say, Path output) {
    this.oc = oc;
    this.clock = clock;
    this.say = say;
    this.output = output;
  }

  void run(InteractionId first) {
    ContactId mia = oc.interactions().get(first).contact();
    // Small steps: a routing offer from the scene before is still ringing, and a longer jump
    // would let it time out in the middle of this story.
    clock.advance(Duration.ofSeconds(5));
    say.section("Mia's journey", "oc.contacts().journey(contactId)");
    String text = "The sneakers arrived and they fit perfectly, thank you! 👟";
    say.action(now() + "  Mia writes again on Messenger: " + Narrator.quote(text, 50));
    InteractionId second = oc.receive(ContactCenter.MESSENGER, InboundMessage.text("m_mia_0003",
        SenderProfile.of("psid-mia-7731", "Mia", "Rossi"), text, clock.instant())).interaction().id();
    say.say("Her first interaction is closed, so this message opens a new one.");
    clock.advance(Duration.ofSeconds(5));
    say.action(now() + "  The host assigns it to Ann, who closes it as Support / Resolved.");
    oc.assign(second, ContactCenter.ANN);
    clock.advance(Duration.ofSeconds(5));
    oc.desk(ContactCenter.ANN).closeAndDispose(second, DispositionId.of("support-resolved"));

    Journey journey = oc.contacts().journey(mia);
    say.say("What Ann's side panel shows beside the conversation: " + journey.contactName()
        + "'s interactions on every account, newest first.");
    say.header(String.format(Locale.ROOT, "%-3s%-14s%s", "#", "started", "account, status"));
    int n = 0;
    for (JourneyEntry e : journey.entries()) {
      say.row(String.format(Locale.ROOT, "%-3d%-14s%s", ++n, Narrator.time(e.startedAt()), line(e)));
      say.row(" ".repeat(17) + details(e));
    }
    transcript(first);
  }

  private static String line(JourneyEntry e) {
    return e.accountName() + " (" + e.channel().displayName() + "), "
        + (e.isOpen() ? "open" : "closed at " + Narrator.time(e.closedAt().orElseThrow()))
        + e.dispositionLabel().map(d -> ": " + d).orElse("");
  }

  private static String details(JourneyEntry e) {
    String last = e.lastMessage().map(m -> ", last " + Narrator.arrow(m.direction()) + " "
        + Narrator.quote(m.preview(), 34)).orElse("");
    return e.firstAgentName().orElse("no agent") + ", " + e.messageCount() + " messages" + last;
  }

  private void transcript(InteractionId first) {
    clock.advance(Duration.ofSeconds(5));
    say.section("A PDF transcript", "desk.writeTranscript(id, options, renderer, out)");
    AgentDesk ann = oc.desk(ContactCenter.ANN);
    TranscriptOptions options = TranscriptOptions.defaults().withZone(MIAS_ZONE);
    PdfTranscriptRenderer pdf = new PdfTranscriptRenderer();
    say.action(now() + "  Ann downloads the transcript of Mia's first interaction:");
    try {
      ann.transcript(first, options);
      throw new IllegalStateException("the engine gave a transcript to an agent without the permission");
    } catch (PermissionDeniedException e) {
      say.refused(e.getClass().getSimpleName(), e.getMessage());
    }
    say.action(now() + "  An administrator grants Ann the TRANSCRIPT_DOWNLOAD permission; she tries again:");
    Agent agent = oc.agents().get(ContactCenter.ANN);
    EnumSet<Permission> granted = EnumSet.of(Permission.TRANSCRIPT_DOWNLOAD);
    granted.addAll(agent.permissions());
    oc.agents().update(agent.withPermissions(granted));
    Transcript t;
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = Files.newOutputStream(output)) {
        t = ann.writeTranscript(first, options, pdf, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the transcript to " + output, e);
    }
    long notes = t.entries().stream().filter(io.openchannel.transcript.TranscriptEntry::isInternalNote).count();
    say.field("title", t.title());
    say.field("content", t.entries().size() + " messages, times in " + t.zone()
        + (notes == 0 ? ", internal notes left out" : ""));
    say.field("started", TranscriptFormat.dateTime(t.startedAt()) + " (09:00:00 UTC)");
    say.field("file", "transcript-<interaction id>." + pdf.fileExtension() + ", " + pdf.contentType());
    say.field("written to", output.toString());
    say.say("The PDF embeds only the glyphs it uses of DejaVu Sans; emoji the font lacks show as □."
        + " Open it in any PDF reader.");
  }

  private String now() {
    return Narrator.time(clock.instant());
  }
}
