package io.openchannel;

import static io.openchannel.EngineFixture.ANN;
import static io.openchannel.EngineFixture.FB;
import static io.openchannel.EngineFixture.SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.account.ChannelType;
import io.openchannel.contact.ContactId;
import io.openchannel.contact.Journey;
import io.openchannel.contact.JourneyEntry;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import io.openchannel.message.Direction;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JourneyTest {
  private final EngineFixture f = new EngineFixture();

  /** Mia writes on Messenger, then on the SMS line with the same phone: one contact. */
  private InteractionId[] miaOnTwoAccounts() {
    InteractionId onFb = f.oc.receive(FB, InboundMessage.text("f1", new SenderProfile("psid-mia",
        Optional.of("Mia"), Optional.of("Rossi"), Map.of("phone", "+39333")), "Where is my order?",
        f.clock.instant())).interaction().id();
    f.oc.assign(onFb, ANN);
    f.oc.desk(ANN).sendText(onFb, "It ships today");
    f.oc.desk(ANN).addNote(onFb, "VIP, be quick");
    f.oc.desk(ANN).addTags(onFb, Set.of(Tag.of("vip")));
    f.clock.advance(Duration.ofMinutes(5));
    f.oc.desk(ANN).closeAndDispose(onFb, DispositionId.of("sales-won"));
    f.clock.advance(Duration.ofHours(2));
    InteractionId onSms = f.oc.receive(SMS, InboundMessage.text("s1", SenderProfile.of("+39333"),
        "Thanks, it arrived", f.clock.instant())).interaction().id();
    return new InteractionId[] {onFb, onSms};
  }

  @Test
  void theJourneyListsTheContactsInteractionsOnEveryAccountNewestFirst() {
    InteractionId[] ids = miaOnTwoAccounts();
    ContactId mia = f.oc.interactions().get(ids[0]).contact();

    Journey journey = f.oc.contacts().journey(mia);

    assertThat(journey.contact()).isEqualTo(mia);
    assertThat(journey.contactName()).isEqualTo("Mia Rossi");
    assertThat(journey.entries()).extracting(JourneyEntry::interaction).containsExactly(ids[1], ids[0]);
    assertThat(journey.entries()).extracting(JourneyEntry::channel)
        .containsExactly(ChannelType.SMS, ChannelType.FACEBOOK_MESSENGER);
    assertThat(journey.hasOpenInteraction()).isTrue();
  }

  @Test
  void aClosedEntrySummarisesAccountAgentDispositionLastMessageAndCount() {
    InteractionId[] ids = miaOnTwoAccounts();

    JourneyEntry fb = f.oc.contacts().journey(f.oc.interactions().get(ids[0]).contact()).entries().get(1);

    assertThat(fb.accountName()).isEqualTo("Shop on Messenger");
    assertThat(fb.status()).isEqualTo(InteractionStatus.CLOSED);
    assertThat(fb.startedAt()).isEqualTo(f.oc.interactions().get(ids[0]).startedAt());
    assertThat(fb.closedAt()).contains(fb.startedAt().plus(Duration.ofMinutes(5)));
    assertThat(fb.dispositionLabel()).contains("Sales / Order placed");
    assertThat(fb.firstAgent()).contains(ANN);
    assertThat(fb.firstAgentName()).contains("Ann Agent");
    assertThat(fb.lastMessage().orElseThrow().preview()).isEqualTo("It ships today");
    assertThat(fb.lastMessage().orElseThrow().direction()).isEqualTo(Direction.OUT);
    // customer's message, auto-reply, agent's reply; the note does not count
    assertThat(fb.messageCount()).isEqualTo(3);
    assertThat(fb.tags()).containsExactly(Tag.of("vip"));
  }

  @Test
  void anOpenUnmanagedEntryHasNoAgentNoCloseAndNoDisposition() {
    InteractionId[] ids = miaOnTwoAccounts();

    JourneyEntry sms = f.oc.contacts().journey(f.oc.interactions().get(ids[1]).contact()).entries().get(0);

    assertThat(sms.isOpen()).isTrue();
    assertThat(sms.closedAt()).isEmpty();
    assertThat(sms.disposition()).isEmpty();
    assertThat(sms.firstAgentName()).isEmpty();
    assertThat(sms.messageCount()).isEqualTo(1);
    assertThat(sms.lastMessage().orElseThrow().preview()).isEqualTo("Thanks, it arrived");
  }

  @Test
  void anUnknownContactIsNotFound() {
    assertThatThrownBy(() -> f.oc.contacts().journey(ContactId.of("nobody")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no contact nobody");
  }
}
