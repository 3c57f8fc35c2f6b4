package io.openchannel.delivery;

import static io.openchannel.message.DeliveryStatus.FAILED;
import static io.openchannel.message.DeliveryStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.Permission;
import io.openchannel.transcript.PlainTextTranscriptRenderer;
import io.openchannel.transcript.Transcript;
import io.openchannel.transcript.TranscriptEntry;
import io.openchannel.transcript.TranscriptOptions;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A transcript shows where each outbound message got to, and why a failed one failed (S12, S22). */
class TranscriptDeliveryTest {
  private final DeliveryFixture f = new DeliveryFixture();

  @Test
  void aTranscriptShowsEachMessagesDeliveryStatusAndFailureReason() {
    f.oc.agents().update(f.oc.agents().get(DeliveryFixture.ANN)
        .withPermissions(Set.of(Permission.TRANSCRIPT_DOWNLOAD)));
    InteractionId chat = f.conversationWith("42");
    f.platform.willFailPermanently("403 Forbidden: bot was blocked by the user");
    f.ann().sendText(chat, "first");
    f.ann().sendText(chat, "second");
    f.scheduler.runDue();

    Transcript t = f.ann().transcript(chat, TranscriptOptions.defaults());

    assertThat(t.entries()).extracting(TranscriptEntry::text).containsExactly("hello", "first", "second");
    assertThat(t.entries().get(1).deliveryStatus()).contains(FAILED);
    assertThat(t.entries().get(1).failureReason()).contains("403 Forbidden: bot was blocked by the user");
    assertThat(t.entries().get(2).deliveryStatus()).contains(SENT);
    assertThat(new PlainTextTranscriptRenderer().toText(t))
        .contains("Ann (agent) [failed: 403 Forbidden: bot was blocked by the user]\n    first\n")
        .contains("Ann (agent) [sent]\n    second\n");
  }
}
