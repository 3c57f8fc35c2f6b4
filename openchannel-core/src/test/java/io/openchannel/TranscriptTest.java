package io.openchannel;

import static io.openchannel.EngineFixture.ANN;
import static io.openchannel.EngineFixture.BOB;
import static io.openchannel.EngineFixture.FB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.message.AttachmentUpload;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.MessageKind;
import io.openchannel.routing.Agent;
import io.openchannel.routing.Permission;
import io.openchannel.transcript.PlainTextTranscriptRenderer;
import io.openchannel.transcript.SenderRole;
import io.openchannel.transcript.Transcript;
import io.openchannel.transcript.TranscriptEntry;
import io.openchannel.transcript.TranscriptOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TranscriptTest {
  private final EngineFixture f = new EngineFixture();
  private final TranscriptOptions options = TranscriptOptions.defaults();

  private void grant(io.openchannel.routing.AgentId id) {
    Agent agent = f.oc.agents().get(id);
    java.util.EnumSet<Permission> more = java.util.EnumSet.of(Permission.TRANSCRIPT_DOWNLOAD);
    more.addAll(agent.permissions());
    f.oc.agents().update(agent.withPermissions(more));
  }

  /** Mia writes, the auto-reply answers, Ann replies with a file, notes, and closes with a disposition. */
  private InteractionId aFullInteraction() {
    InteractionId id = f.openAssignedToAnn();
    f.clock.advance(Duration.ofMinutes(1));
    f.oc.desk(ANN).sendAttachment(id,
        AttachmentUpload.of("invoice.pdf", "application/pdf", new byte[2048]), "Your invoice");
    f.clock.advance(Duration.ofMinutes(1));
    f.oc.desk(ANN).addNote(id, "VIP customer");
    f.clock.advance(Duration.ofMinutes(1));
    f.oc.desk(ANN).closeAndDispose(id, DispositionId.of("sales-won"));
    return id;
  }

  @Test
  void withoutThePermissionTheDownloadIsRefusedAndNothingIsWritten() {
    InteractionId id = aFullInteraction();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> f.oc.desk(BOB).writeTranscript(id, options,
        new PlainTextTranscriptRenderer(), out))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("agent bob lacks the TRANSCRIPT_DOWNLOAD permission")
        .hasMessageContaining("withPermissions");
    assertThat(out.size()).isZero();
  }

  @Test
  void thePermissionIsCheckedBeforeTheInteractionIsLookedUp() {
    InteractionId unknown = InteractionId.of("no-such-interaction");

    assertThatThrownBy(() -> f.oc.desk(BOB).transcript(unknown, options))
        .isInstanceOf(PermissionDeniedException.class);
    grant(BOB);
    assertThatThrownBy(() -> f.oc.desk(BOB).transcript(unknown, options))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anAgentWithThePermissionGetsATranscriptOfAnInteractionTheyDoNotOwn() {
    InteractionId id = aFullInteraction();
    grant(BOB);

    Transcript t = f.oc.desk(BOB).transcript(id, options);

    assertThat(t.interaction()).isEqualTo(id);
    assertThat(t.contactName()).isEqualTo("Mia Rossi");
    assertThat(t.accountName()).isEqualTo("Shop on Messenger");
    assertThat(t.status()).isEqualTo(InteractionStatus.CLOSED);
    assertThat(t.dispositionLabel()).contains("Sales / Order placed");
    assertThat(t.agentNames()).containsExactly("Ann Agent");
    assertThat(t.generatedBy()).isEqualTo("Bob Agent");
  }

  @Test
  void everyMessageIsListedWithSenderDirectionAttachmentAndDeliveryStatus() {
    InteractionId id = aFullInteraction();
    grant(ANN);

    Transcript t = f.oc.desk(ANN).transcript(id, options);

    assertThat(t.entries()).extracting(TranscriptEntry::senderRole)
        .containsExactly(SenderRole.CUSTOMER, SenderRole.AUTO_REPLY, SenderRole.AGENT);
    assertThat(t.entries()).extracting(TranscriptEntry::senderName)
        .containsExactly("Mia Rossi", "Shop on Messenger", "Ann Agent");
    assertThat(t.entries()).extracting(TranscriptEntry::direction)
        .containsExactly(Direction.IN, Direction.OUT, Direction.OUT);
    TranscriptEntry file = t.entries().get(2);
    assertThat(file.kind()).isEqualTo(MessageKind.ATTACHMENT);
    assertThat(file.text()).isEqualTo("Your invoice");
    assertThat(file.attachment().orElseThrow().fileName()).isEqualTo("invoice.pdf");
    assertThat(file.attachment().orElseThrow().sizeBytes()).isEqualTo(2048);
    assertThat(file.deliveryStatus()).contains(DeliveryStatus.QUEUED);
    assertThat(t.entries().get(0).deliveryStatus()).isEmpty();
  }

  @Test
  void internalNotesAreLeftOutUnlessAskedFor() {
    InteractionId id = aFullInteraction();
    grant(ANN);

    Transcript without = f.oc.desk(ANN).transcript(id, options);
    Transcript with = f.oc.desk(ANN).transcript(id, options.withNotes(true));

    assertThat(without.entries()).noneMatch(TranscriptEntry::isInternalNote);
    assertThat(without.notesIncluded()).isFalse();
    assertThat(new PlainTextTranscriptRenderer().toText(without)).doesNotContain("VIP customer");
    assertThat(with.entries()).filteredOn(TranscriptEntry::isInternalNote)
        .extracting(TranscriptEntry::text).containsExactly("VIP customer");
    assertThat(new PlainTextTranscriptRenderer().toText(with))
        .contains("Ann Agent (internal note)\n    VIP customer\n");
  }

  @Test
  void everyTimeIsShownInTheChosenZone() {
    InteractionId id = aFullInteraction(); // opened 09:00 UTC, closed 09:03 UTC
    grant(ANN);

    Transcript rome = f.oc.desk(ANN).transcript(id, options.withZone(ZoneId.of("Europe/Rome")));
    Transcript kolkata = f.oc.desk(ANN).transcript(id, options.withZone(ZoneId.of("Asia/Kolkata")));

    assertThat(rome.startedAt().toLocalTime()).hasToString("10:00");
    assertThat(rome.closedAt().orElseThrow().toLocalTime()).hasToString("10:03");
    assertThat(rome.entries().get(0).at().getZone()).isEqualTo(ZoneId.of("Europe/Rome"));
    assertThat(kolkata.startedAt().toLocalTime()).hasToString("14:30");
    assertThat(new PlainTextTranscriptRenderer().toText(kolkata))
        .contains("Started:      2026-11-24 14:30:00 +05:30")
        .contains("Time zone:    Asia/Kolkata");
    assertThat(f.oc.desk(ANN).transcript(id, options).startedAt().getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void theDownloadWritesTheRenderedTranscript() throws Exception {
    InteractionId id = aFullInteraction();
    grant(ANN);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    Transcript t = f.oc.desk(ANN).writeTranscript(id, options, new PlainTextTranscriptRenderer(), out);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(new PlainTextTranscriptRenderer().toText(t))
        .startsWith("Transcript: Mia Rossi on Shop on Messenger (Facebook Messenger)\n");
  }

  @Test
  void aTranscriptOfAnOpenInteractionHasNoCloseTime() {
    InteractionId id = f.customerWrites(FB, "psid-x", "Hello").interaction().id();
    grant(ANN);

    Transcript t = f.oc.desk(ANN).transcript(id, options);

    assertThat(t.closedAt()).isEmpty();
    assertThat(t.agentNames()).isEmpty();
    assertThat(new PlainTextTranscriptRenderer().toText(t)).contains("Closed:       -\n");
  }
}
