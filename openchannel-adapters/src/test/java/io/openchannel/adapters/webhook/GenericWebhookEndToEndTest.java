package io.openchannel.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.tck.DeterministicScheduler;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A webhook in, an interaction, an agent's reply, the POST to the Reply URL, the message SENT. */
class GenericWebhookEndToEndTest {
  private static final AgentId ANN = AgentId.of("ann");

  private final FakeReplyServer replyUrl = new FakeReplyServer();
  private final DeterministicScheduler scheduler = new DeterministicScheduler();
  private final GenericWebhookConnector connector = new GenericWebhookConnector(
      GenericWebhookConfig.builder(GenericFixtures.SECRET).clock(scheduler.clock()).build());
  private final OpenChannel oc = OpenChannel.builder().clock(scheduler.clock()).scheduler(scheduler)
      .connector(connector).build();
  private final Account account = GenericFixtures.account(replyUrl.url() + "/reply", "phone");

  GenericWebhookEndToEndTest() {
    oc.accounts().create(account);
    oc.agents().create(Agent.of(ANN, "Ann"));
  }

  @AfterEach
  void stop() {
    oc.close();
    replyUrl.close();
  }

  @Test
  void aWebhookBecomesAnInteractionAndTheAgentsReplyIsPostedToTheReplyUrl() {
    // given a customer's message through the receive URL, the reference product's way
    assertThat(oc.handleWebhook(account.id(),
        GenericFixtures.withApiKey(GenericFixtures.fixture("full.json"))).status()).isEqualTo(200);
    Conversation conversation = oc.interactions().findConversation(new ConversationKey(account.id(),
        "+393331234567", Visibility.PRIVATE, Optional.of("order-1042"))).orElseThrow();
    InteractionId interaction = conversation.openInteraction().orElseThrow();
    Contact mia = oc.contacts().findByIdentity(ChannelIdentity.of(account.id(), "+393331234567"))
        .orElseThrow();
    assertThat(mia.firstName()).contains("Mia");
    assertThat(mia.field("phone")).contains("+393331234567");

    // when Ann answers
    oc.assign(interaction, ANN);
    Message reply = oc.desk(ANN).sendText(interaction, "Ciao Mia, arriva domani 📦");
    scheduler.runDue();

    // then the Reply URL got the reference shape, and the message is SENT under its id
    assertThat(replyUrl.received()).hasSize(1);
    FakeReplyServer.Received post = replyUrl.last();
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo("/reply");
    assertThat(post.json().get("body").textValue()).isEqualTo("Ciao Mia, arriva domani 📦");
    assertThat(post.json().get("Contact").get("firstName").textValue()).isEqualTo("Mia");
    assertThat(post.json().get("to").textValue()).isEqualTo("+393331234567");
    assertThat(post.json().get("Interaction").get("threadId").textValue()).isEqualTo("order-1042");
    Message stored = find(interaction, reply);
    assertThat(stored.deliveryStatus()).contains(DeliveryStatus.SENT);
    assertThat(stored.channelMessageId()).contains("reply-1");
  }

  @Test
  void theSameDeliveryPostedTwiceIsStoredOnce() {
    oc.handleWebhook(account.id(), GenericFixtures.withApiKey(GenericFixtures.fixture("minimal.json")));
    oc.handleWebhook(account.id(), GenericFixtures.withApiKey(GenericFixtures.fixture("minimal.json")));

    Conversation conversation = oc.interactions().findConversation(
        ConversationKey.direct(account.id(), "visitor-7f3a")).orElseThrow();
    List<Message> messages = oc.interactions().messages(conversation.openInteraction().orElseThrow());
    assertThat(messages).hasSize(1);
  }

  private Message find(InteractionId interaction, Message reply) {
    return oc.interactions().messages(interaction).stream()
        .filter(m -> m.id().equals(reply.id())).findFirst().orElseThrow();
  }
}
