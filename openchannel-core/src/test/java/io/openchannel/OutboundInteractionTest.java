package io.openchannel;

import static io.openchannel.EngineFixture.ANN;
import static io.openchannel.EngineFixture.BOB;
import static io.openchannel.EngineFixture.FB;
import static io.openchannel.EngineFixture.SMS;
import static io.openchannel.EngineFixture.WA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.event.InteractionOpened;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.Interaction;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Permission;
import io.openchannel.spi.directory.Recipient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboundInteractionTest {
  private final EngineFixture f = new EngineFixture();
  private final AgentDesk ann = f.oc.desk(ANN);

  OutboundInteractionTest() {
    f.directory.add(SMS, new Recipient("+39333111", "Mia Rossi", Map.of("first_name", "Mia",
        "last_name", "Rossi", "email", "mia@example.com")));
    f.directory.add(SMS, Recipient.of("+39333222", "Luca Bianchi"));
    f.directory.add(SMS, Recipient.of("+44700000", "Jane Doe"));
    f.directory.add(WA, Recipient.of("+39333111", "Mia on WhatsApp"));
    f.directory.add(FB, Recipient.of("psid-1", "Mia on Messenger"));
  }

  @Test
  void threeLettersOrDigitsSuggestMatchingRecipients() {
    List<Recipient> found = ann.searchRecipients(SMS, "+393");

    assertThat(found).extracting(Recipient::address).containsExactly("+39333111", "+39333222");
  }

  @Test
  void fewerThanThreeLettersOrDigitsIsRefused() {
    assertThatThrownBy(() -> ann.searchRecipients(SMS, "+39"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("three letters or digits");
    assertThatThrownBy(() -> ann.searchRecipients(FB, " a-b "))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void startingAnInteractionCreatesTheContactAndSendsTheFirstMessage() {
    Interaction i = ann.startInteraction(SMS, "+39333111", "Hi Mia, your order shipped 📦");

    assertThat(i.origin()).isEqualTo(Direction.OUT);
    assertThat(i.owner()).contains(ANN);
    assertThat(i.firstAgent()).contains(ANN);
    assertThat(f.oc.contacts().get(i.contact()).displayName()).isEqualTo("Mia Rossi");
    assertThat(f.oc.contacts().get(i.contact()).field("email")).contains("mia@example.com");
    List<Message> messages = f.messages(i.id());
    assertThat(messages).singleElement().satisfies(m -> {
      assertThat(m.text()).isEqualTo("Hi Mia, your order shipped 📦");
      assertThat(m.author()).contains(ANN);
    });
    Conversation c = f.oc.interactions().conversation(i.conversation());
    assertThat(c.unmanagedCount()).isZero();
    assertThat(f.eventsOf(InteractionOpened.class).get(0).origin()).isEqualTo(Direction.OUT);
  }

  @Test
  void theCustomersAnswerJoinsTheOutboundInteraction() {
    Interaction i = ann.startInteraction(SMS, "+39333111", "Hi Mia");

    ReceiveResult answer = f.customerWrites(SMS, "+39333111", "Thanks!");

    assertThat(answer.interaction().id()).isEqualTo(i.id());
    assertThat(answer.newInteraction()).isFalse();
  }

  @Test
  void aRecipientWithAnOpenInteractionCannotGetASecondOne() {
    Interaction first = ann.startInteraction(SMS, "+39333111", "Hi Mia");

    assertThatThrownBy(() -> ann.startInteraction(SMS, "+39333111", "Hi again"))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining(first.id().value());
  }

  @Test
  void onlyTheAgentsOwnAccountsWithTheOutboundPermission() {
    AgentDesk bob = f.oc.desk(BOB);
    assertThatThrownBy(() -> bob.startInteraction(SMS, "+39333111", "Hi"))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("OUTBOUND");
    f.oc.agents().create(Agent.of(AgentId.of("cid"), "Cid").withPermissions(Set.of(Permission.OUTBOUND)));
    AgentDesk cid = f.oc.desk(AgentId.of("cid"));
    assertThatThrownBy(() -> cid.startInteraction(SMS, "+39333111", "Hi"))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("may not use account");
    assertThatThrownBy(() -> cid.searchRecipients(SMS, "+393"))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void anAccountWithoutReplyUrlCannotStartInteractions() {
    assertThatThrownBy(() -> ann.startInteraction(WA, "+39333111", "Hi"))
        .isInstanceOf(ReplyDisabledException.class);
    assertThat(f.events).isEmpty();
  }

  @Test
  void anAddressNotInTheListIsNotFound() {
    assertThatThrownBy(() -> ann.startInteraction(FB, "+1555", "Hi"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("recipient list");
    assertThat(f.events).isEmpty();
  }

  @Test
  void theRecipientIsMatchedToAKnownContactByTheMapKey() {
    // Mia wrote on Messenger with her phone in the profile; the SMS account maps by phone too.
    ReceiveResult onFb = f.oc.receive(FB, io.openchannel.spi.channel.InboundMessage.text("m1",
        new io.openchannel.spi.channel.SenderProfile("psid-7", java.util.Optional.of("Mia"),
            java.util.Optional.empty(), Map.of("phone", "+39333111")), "Hi", f.clock.instant()));

    Interaction onSms = ann.startInteraction(SMS, "+39333111", "Hi by SMS");

    assertThat(onSms.contact()).isEqualTo(onFb.interaction().contact());
  }

  @Test
  void messengerDoesNotLetTheBusinessWriteFirstAndNothingIsStored() {
    assertThatThrownBy(() -> ann.startInteraction(FB, "psid-1", "Hi"))
        .isInstanceOf(SendNotAllowedException.class).hasMessageContaining("write first");
    assertThat(f.events).isEmpty();
    assertThat(f.oc.interactions().findConversation(
        io.openchannel.interaction.ConversationKey.direct(FB, "psid-1"))).isEmpty();
  }
}
