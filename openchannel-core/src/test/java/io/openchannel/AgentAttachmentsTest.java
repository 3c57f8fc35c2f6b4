package io.openchannel;

import static io.openchannel.EngineFixture.ANN;
import static io.openchannel.EngineFixture.FB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.interaction.InteractionId;
import io.openchannel.message.AttachmentUpload;
import io.openchannel.message.Message;
import io.openchannel.message.MessageKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class AgentAttachmentsTest {
  private final EngineFixture f = new EngineFixture();
  private final AgentDesk ann = f.oc.desk(ANN);
  private final InteractionId id = f.openAssignedToAnn();

  @Test
  void oneFileWithCaptionIsStoredAndReadableByteForByte() throws IOException {
    byte[] pdf = "%PDF-1.7 invoice".getBytes();

    Message m = ann.sendAttachment(id, AttachmentUpload.of("invoice.pdf", "application/pdf", pdf),
        "Your invoice 🧾");

    assertThat(m.kind()).isEqualTo(MessageKind.ATTACHMENT);
    assertThat(m.text()).isEqualTo("Your invoice 🧾");
    assertThat(m.attachment().orElseThrow().fileName()).isEqualTo("invoice.pdf");
    assertThat(m.attachment().orElseThrow().sizeBytes()).isEqualTo(pdf.length);
    try (InputStream in = f.oc.openAttachment(m.attachment().orElseThrow().id())) {
      assertThat(in.readAllBytes()).isEqualTo(pdf);
    }
  }

  @Test
  void aFileWithoutCaptionShowsItsNameAsLastMessage() {
    ann.sendAttachment(id, AttachmentUpload.of("map.png", "image/png", new byte[10]), "");

    assertThat(f.oc.interactions().get(id).lastMessage().orElseThrow().preview()).isEqualTo("map.png");
  }

  @Test
  void aFileOverTheAccountLimitIsRefusedAndNothingIsKept() {
    limitAttachmentsTo(1024);
    StateSnapshot before = StateSnapshot.of(f, id);

    assertThatThrownBy(() -> ann.sendAttachment(id,
        AttachmentUpload.of("big.bin", "application/octet-stream", new byte[1025]), ""))
        .isInstanceOf(AttachmentRejectedException.class)
        .hasMessageContaining("big.bin").hasMessageContaining("1 KB");
    assertThat(StateSnapshot.of(f, id)).isEqualTo(before);
    assertThat(f.blobs.size()).isZero();
  }

  @Test
  void aStreamLongerThanTheLimitIsCaughtWhileCopying() {
    limitAttachmentsTo(1024);
    AttachmentUpload lying = new AttachmentUpload("small.txt", "text/plain",
        () -> new ByteArrayInputStream(new byte[5000]));

    assertThatThrownBy(() -> ann.sendAttachment(id, lying, ""))
        .isInstanceOf(AttachmentRejectedException.class);
    assertThat(f.blobs.size()).isZero();
  }

  @Test
  void exactlyTheLimitIsAccepted() {
    limitAttachmentsTo(1024);

    Message m = ann.sendAttachment(id, AttachmentUpload.of("ok.bin", "application/octet-stream",
        new byte[1024]), "");

    assertThat(m.attachment().orElseThrow().sizeBytes()).isEqualTo(1024);
  }

  @Test
  void attachmentsDisabledOnTheAccountAreRefusedBeforeReadingTheFile() {
    var account = f.oc.accounts().get(FB);
    f.oc.accounts().update(account.withSettings(account.settings().toBuilder()
        .attachmentsEnabled(false).build()));
    StateSnapshot before = StateSnapshot.of(f, id);

    assertThatThrownBy(() -> ann.sendAttachment(id, new AttachmentUpload("a.txt", "text/plain", () -> {
      throw new AssertionError("the file must not be read");
    }), "")).isInstanceOf(AttachmentRejectedException.class).hasMessageContaining("disabled");
    assertThat(StateSnapshot.of(f, id)).isEqualTo(before);
  }

  @Test
  void theDefaultLimitIsFifteenMegabytes() {
    assertThat(f.oc.accounts().get(FB).maxAttachmentBytes()).isEqualTo(15L * 1024 * 1024);
  }

  @Test
  void aVoiceMessageMustBeAudio() {
    Message voice = ann.sendVoice(id, AttachmentUpload.of("hello.ogg", "audio/ogg", new byte[3]));
    assertThat(voice.kind()).isEqualTo(MessageKind.VOICE);

    assertThatThrownBy(() -> ann.sendVoice(id, AttachmentUpload.of("x.png", "image/png", new byte[3])))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("audio");
  }

  @Test
  void aFailedCommitDeletesTheUploadedBytes() {
    // The host closes the interaction while the file is being read: the checks before the upload
    // pass, the bytes are stored, and the commit that follows is refused.
    AttachmentUpload racing = new AttachmentUpload("a.txt", "text/plain", () -> {
      f.oc.close(id);
      return new ByteArrayInputStream(new byte[3]);
    });

    assertThatThrownBy(() -> ann.sendAttachment(id, racing, ""))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(f.blobs.size()).isZero();
    assertThat(f.messages(id)).noneMatch(m -> m.attachment().isPresent());
  }

  private void limitAttachmentsTo(long bytes) {
    var account = f.oc.accounts().get(FB);
    f.oc.accounts().update(account.withSettings(account.settings().toBuilder()
        .maxAttachmentBytes(bytes).build()));
  }
}
