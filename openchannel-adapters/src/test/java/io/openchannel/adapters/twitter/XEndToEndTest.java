package io.openchannel.adapters.twitter;

import static io.openchannel.adapters.twitter.XFixtures.ACCOUNT;
import static io.openchannel.adapters.twitter.XFixtures.X;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.OpenChannel;
import io.openchannel.WebhookVerificationException;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResponse;
import io.openchannel.tck.DeterministicScheduler;
import io.openchannel.tck.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole path: X's CRC and deliveries in, the engine, an agent's DM out to the fake API. */
class XEndToEndTest {
  private static final AgentId ANN = AgentId.of("ann");

  private final FakeX fake = new FakeX();
  private final DeterministicScheduler scheduler = new DeterministicScheduler(new ManualClock(XFixtures.NOW));
  private final OpenChannel oc = OpenChannel.builder().clock(scheduler.clock()).scheduler(scheduler)
      .connector(XFixtures.connector(fake, scheduler.clock())).build();

  XEndToEndTest() {
    oc.accounts().create(ACCOUNT);
    oc.agents().create(Agent.of(ANN, "Ann").withAccounts(Set.of(X)));
  }

  @AfterEach
  void stop() {
    oc.close();
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void theCrcIsAnsweredThroughTheEngine() {
    WebhookResponse response = oc.handleWebhook(X, new WebhookRequest("GET", "/webhooks/x/x-support",
        Map.of("crc_token", "abc"), Map.of(), new byte[0]));

    assertThat(response.body()).startsWith("{\"response_token\":\"sha256=");
  }

  @Test
  void aDirectMessageBecomesAnInteractionTheAgentsReplyIsSentAndTheReadReceiptArrives() {
    oc.handleWebhook(X, XFixtures.delivery("text", fake));
    Interaction chat = interactionOfLayla();
    oc.assign(chat.id(), ANN);

    Message reply = oc.desk(ANN).sendText(chat.id(), "Sorry Layla, checking it now 🔍");
    scheduler.runDue();

    assertThat(fake.last().path()).isEqualTo("/2/dm_conversations/with/3001969357/messages");
    Message sent = find(chat.id(), reply);
    assertThat(sent.deliveryStatus()).contains(DeliveryStatus.SENT);
    assertThat(sent.channelMessageId()).contains("1582838000000000001");

    String read = "{\"for_user_id\":\"4337869213\",\"direct_message_mark_read_events\":[{\"created_timestamp\":\""
        + scheduler.clock().instant().plusSeconds(5).toEpochMilli() + "\",\"sender_id\":\"3001969357\","
        + "\"target\":{\"recipient_id\":\"4337869213\"},\"last_read_event_id\":\"1582838000000000001\"}]}";
    oc.handleWebhook(X, XFixtures.signed(read));

    assertThat(find(chat.id(), reply).deliveryStatus()).contains(DeliveryStatus.READ);
  }

  @Test
  void aRepeatedDeliveryIsStoredOnceAndOurEchoNever() {
    oc.handleWebhook(X, XFixtures.delivery("batch", fake));
    oc.handleWebhook(X, XFixtures.delivery("batch", fake));

    assertThat(oc.interactions().messages(interactionOfLayla().id()))
        .extracting(Message::text).containsExactly("Refund");
  }

  @Test
  void aForgedDeliveryStoresNothing() {
    WebhookRequest forged = WebhookRequest.postJson("/w",
        Map.of(XConnector.SIGNATURE_HEADER, "sha256=AAAA"), XFixtures.json("text", fake));

    assertThatThrownBy(() -> oc.handleWebhook(X, forged)).isInstanceOf(WebhookVerificationException.class);
    assertThat(oc.contacts().findByIdentity(ChannelIdentity.of(X, XFixtures.LAYLA))).isEmpty();
  }

  private Interaction interactionOfLayla() {
    var layla = oc.contacts().findByIdentity(ChannelIdentity.of(X, XFixtures.LAYLA)).orElseThrow();
    List<Interaction> all = oc.interactions().ofContact(layla.id());
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private Message find(InteractionId chat, Message m) {
    return oc.interactions().messages(chat).stream().filter(x -> x.id().equals(m.id())).findFirst()
        .orElseThrow();
  }
}
