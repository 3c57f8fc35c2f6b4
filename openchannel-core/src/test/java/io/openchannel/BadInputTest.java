package io.openchannel;

import static io.openchannel.EngineFixture.ANN;
import static io.openchannel.EngineFixture.FB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Tag;
import io.openchannel.message.AttachmentUpload;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every rejected call throws a typed exception that names the problem, and writes nothing. */
class BadInputTest {
  private final EngineFixture f = new EngineFixture(
      OpenChannel.builder().tags(Set.of(Tag.of("vip"), Tag.of("late"))));
  private final AgentDesk ann = f.oc.desk(ANN);
  private final InteractionId id = f.openAssignedToAnn();

  @Test
  void nullsAreRefusedByName() {
    refused(() -> ann.sendText(id, null), InvalidInputException.class, "text");
    refused(() -> ann.sendText(null, "x"), InvalidInputException.class, "interaction");
    refused(() -> ann.addNote(id, null), InvalidInputException.class, "note");
    refused(() -> ann.addTags(id, null), InvalidInputException.class, "tags");
    refused(() -> ann.sendAttachment(id, null, ""), InvalidInputException.class, "file");
    refused(() -> ann.closeAndDispose(id, null), InvalidInputException.class, "disposition");
    refused(() -> f.oc.receive(FB, null), InvalidInputException.class, "message");
    refused(() -> f.oc.receive(null, f.inbound("x", "y")), InvalidInputException.class, "account");
    refused(() -> f.oc.assign(id, null), InvalidInputException.class, "agent");
  }

  @Test
  void blankOrMalformedTextIsRefused() {
    refused(() -> ann.sendText(id, "   \n\t"), InvalidInputException.class, "blank");
    refused(() -> ann.addNote(id, ""), InvalidInputException.class, "blank");
    refused(() -> ann.sendText(id, "broken \uD83D"), InvalidInputException.class, "surrogate");
    refused(() -> ann.sendText(id, "x".repeat(70_000)), InvalidInputException.class, "at most");
    refused(() -> ann.sendAttachment(id, AttachmentUpload.of("a.txt", "text/plain", new byte[1]),
        "bad \uDC00"), InvalidInputException.class, "surrogate");
  }

  @Test
  void unknownTagsAndDispositionsNameTheValidOnes() {
    refused(() -> ann.addTags(id, Set.of(Tag.of("urgent"))), InvalidInputException.class, "late, vip");
    refused(() -> ann.closeAndDispose(id, DispositionId.of("won")), InvalidInputException.class,
        "sales, sales-won, support");
  }

  @Test
  void malformedInboundMessagesAreRefusedBeforeTheEngine() {
    assertThatThrownBy(() -> InboundMessage.text("m", SenderProfile.of("s"), " ", Instant.EPOCH))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("neither text nor an attachment");
    assertThatThrownBy(() -> InboundMessage.text(" ", SenderProfile.of("s"), "x", Instant.EPOCH))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("channelMessageId");
    assertThatThrownBy(() -> SenderProfile.of(""))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("externalId");
  }

  @Test
  void anInboundLoneSurrogateIsRefusedAndNothingIsStored() {
    refused(() -> f.customerWrites(FB, "psid-mia", "\uD800 oops"), InvalidInputException.class,
        "surrogate");
  }

  private void refused(Executable call, Class<? extends OpenChannelException> type, String words) {
    StateSnapshot before = StateSnapshot.of(f, id);
    Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(type, call);
    assertThat(thrown).hasMessageContaining(words);
    assertThat(StateSnapshot.of(f, id)).isEqualTo(before);
  }
}
