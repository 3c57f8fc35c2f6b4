package io.openchannel.adapters.facebook;

import static io.openchannel.adapters.facebook.FacebookFixtures.FB;
import static io.openchannel.adapters.facebook.FacebookFixtures.PSID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.OpenChannel;
import io.openchannel.WebhookVerificationException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.tck.DeterministicScheduler;
import io.openchannel.tck.ManualClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole path: Meta's webhook in, the engine, the agent's reply out, receipts back. */
class MessengerEndToEndTest {
  private static final AgentId ANN = AgentId.of("ann");

  private final FakeGraph fake = SendApiRules.install(new FakeGraph(FacebookFixtures.PAGE_TOKEN));
  private final DeterministicScheduler scheduler =
      new DeterministicScheduler(new ManualClock(FacebookFixtures.NOW));
  private final OpenChannel oc = OpenChannel.builder().clock(scheduler.clock()).scheduler(scheduler)
      .connector(new MessengerConnector(FacebookFixtures.config(fake, scheduler.clock()))).build();

  MessengerEndToEndTest() {
    oc.accounts().create(Account.of(FB, ChannelType.FACEBOOK_MESSENGER, "Shop",
        AccountSettings.builder().replyUrl("https://graph.facebook.com").humanAgentTag(true).build()));
    oc.agents().create(Agent.of(ANN, "Ann").withAccounts(Set.of(FB)));
  }

  @AfterEach
  void stop() {
    oc.close();
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void aCustomersMessageBecomesAnInteractionAndTheReplyGoesOutAsAResponse() {
    assertThat(oc.handleWebhook(FB, FacebookFixtures.delivery("messenger-text")).status()).isEqualTo(200);
    InteractionId chat = interaction();
    assertThat(oc.interactions().messages(chat)).singleElement()
        .satisfies(m -> assertThat(m.text()).isEqualTo("Hi! Where is my order? 📦"));
    oc.assign(chat, ANN);

    Message reply = oc.desk(ANN).sendText(chat, "On its way 🚚");
    scheduler.runDue();

    assertThat(fake.last().json().path("messaging_type").asText()).isEqualTo("RESPONSE");
    assertThat(fake.last().json().path("recipient").path("id").asText()).isEqualTo(PSID);
    Message stored = find(chat, reply);
    assertThat(stored.deliveryStatus()).contains(DeliveryStatus.SENT);
    assertThat(stored.channelMessageId()).contains("m_sent-1001");
  }

  @Test
  void deliveryByMidAndReadByWatermarkMoveTheReplysStatus() {
    oc.handleWebhook(FB, FacebookFixtures.delivery("messenger-text"));
    InteractionId chat = interaction();
    oc.assign(chat, ANN);
    Message first = oc.desk(ANN).sendText(chat, "One");
    Message second = oc.desk(ANN).sendText(chat, "Two");
    scheduler.runDue();
    scheduler.clock().advance(Duration.ofSeconds(5));
    long now = scheduler.clock().millis();

    oc.handleWebhook(FB, FacebookFixtures.signed(receipts("\"delivery\":{\"mids\":[\"m_sent-1001\"],"
        + "\"watermark\":" + (now - 6000) + "}", now)));
    assertThat(find(chat, first).deliveryStatus()).contains(DeliveryStatus.DELIVERED);
    assertThat(find(chat, second).deliveryStatus()).contains(DeliveryStatus.SENT);

    oc.handleWebhook(FB, FacebookFixtures.signed(receipts("\"read\":{\"watermark\":" + now + "}", now)));
    assertThat(find(chat, first).deliveryStatus()).contains(DeliveryStatus.READ);
    assertThat(find(chat, second).deliveryStatus()).contains(DeliveryStatus.READ);
  }

  @Test
  void afterTheWindowAHumanAgentReplyCarriesTheTag() {
    oc.handleWebhook(FB, FacebookFixtures.delivery("messenger-text"));
    InteractionId chat = interaction();
    oc.assign(chat, ANN);
    scheduler.clock().advance(Duration.ofHours(30));

    oc.desk(ANN).sendText(chat, "Sorry for the wait, here is the tracking link");
    scheduler.runDue();

    assertThat(fake.last().json().path("messaging_type").asText()).isEqualTo("MESSAGE_TAG");
    assertThat(fake.last().json().path("tag").asText()).isEqualTo("HUMAN_AGENT");
  }

  @Test
  void aRedeliveryIsStoredOnceAndAForgedOneNotAtAll() {
    oc.handleWebhook(FB, FacebookFixtures.delivery("messenger-text"));
    oc.handleWebhook(FB, FacebookFixtures.delivery("messenger-text"));
    String forged = FacebookFixtures.json("messenger-text").replace("m_AbCdEf", "m_forged");

    assertThatThrownBy(() -> oc.handleWebhook(FB, FacebookFixtures.withoutSignature(
        FacebookFixtures.signed(forged)))).isInstanceOf(WebhookVerificationException.class);
    assertThat(oc.interactions().messages(interaction())).hasSize(1);
  }

  @Test
  void aPolicyRefusalByMetaLeavesTheReplyFailedWithItsReason() {
    oc.handleWebhook(FB, FacebookFixtures.delivery("messenger-text"));
    InteractionId chat = interaction();
    oc.assign(chat, ANN);
    fake.failNext(400, 10, 2018278, "This message is sent outside of allowed window.");

    Message reply = oc.desk(ANN).sendText(chat, "Hello?");
    scheduler.runDue();

    Message stored = find(chat, reply);
    assertThat(stored.deliveryStatus()).contains(DeliveryStatus.FAILED);
    assertThat(stored.failureReason()).hasValueSatisfying(r -> assertThat(r).contains("outside of allowed window"));
  }

  @Test
  void anInboundFileIsCopiedIntoTheEngineAndAFileReplyIsUploaded() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10};
    fake.file("/v/t1/front_n.png", png).file("/v/t1/back_n.png", png)
        .file("/v/t59/audioclip-1764000191000-2440.mp4", new byte[] {0, 0, 0, 24})
        .file("/v/t42/unboxing.mp4", new byte[] {0, 0, 0, 28})
        .file("/v/t59/Invoice%20May%202026.pdf", "%PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .file("/v/t39/851557_369239266556155_759568595_n.png", png);
    oc.handleWebhook(FB, FacebookFixtures.deliveryVia("messenger-attachments", fake));
    InteractionId chat = interaction();
    var messages = oc.interactions().messages(chat);
    assertThat(messages).hasSize(8);
    Message front = messages.get(0);
    assertThat(front.text()).isEqualTo("Both sides of the box");
    try (var in = oc.openAttachment(front.attachment().orElseThrow().id())) {
      assertThat(in.readAllBytes()).isEqualTo(png);
    }
    oc.assign(chat, ANN);

    oc.desk(ANN).sendAttachment(chat, io.openchannel.message.AttachmentUpload.of("label.png", "image/png", png), "");
    scheduler.runDue();

    assertThat(fake.last().parts().get("filedata").bytes()).isEqualTo(png);
  }

  private static String receipts(String item, long timestamp) {
    return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + FacebookFixtures.PAGE_ID + "\",\"time\":" + timestamp
        + ",\"messaging\":[{\"sender\":{\"id\":\"" + PSID + "\"},\"recipient\":{\"id\":\""
        + FacebookFixtures.PAGE_ID + "\"},\"timestamp\":" + timestamp + "," + item + "}]}]}";
  }

  private InteractionId interaction() {
    var mia = oc.contacts().findByIdentity(ChannelIdentity.of(FB, PSID)).orElseThrow();
    var all = oc.interactions().ofContact(mia.id());
    assertThat(all).hasSize(1);
    return all.get(0).id();
  }

  private Message find(InteractionId chat, Message m) {
    return oc.interactions().messages(chat).stream().filter(x -> x.id().equals(m.id())).findFirst()
        .orElseThrow();
  }
}
