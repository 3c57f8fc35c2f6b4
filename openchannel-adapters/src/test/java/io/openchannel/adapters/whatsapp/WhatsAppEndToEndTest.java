package io.openchannel.adapters.whatsapp;

import static io.openchannel.adapters.whatsapp.WhatsAppFixtures.ACCOUNT;
import static io.openchannel.adapters.whatsapp.WhatsAppFixtures.LAYLA;
import static io.openchannel.adapters.whatsapp.WhatsAppFixtures.WA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.OpenChannel;
import io.openchannel.SendNotAllowedException;
import io.openchannel.WebhookVerificationException;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.message.MessageTemplate;
import io.openchannel.policy.DenialReason;
import io.openchannel.policy.SendDecision;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResponse;
import io.openchannel.tck.DeterministicScheduler;
import io.openchannel.tck.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole path: WhatsApp's webhook in, the engine and its 24-hour rule, replies out, statuses back. */
class WhatsAppEndToEndTest {
  private static final AgentId ANN = AgentId.of("ann");
  /** Half a minute after Layla's first message in text.json. */
  private static final Instant START = Instant.ofEpochSecond(1764000030);

  private final FakeCloudApi fake = new FakeCloudApi();
  private final DeterministicScheduler scheduler = new DeterministicScheduler(new ManualClock(START));
  private final OpenChannel oc = OpenChannel.builder().clock(scheduler.clock()).scheduler(scheduler)
      .connector(WhatsAppFixtures.connector(fake)).build();

  WhatsAppEndToEndTest() {
    oc.accounts().create(ACCOUNT);
    oc.agents().create(Agent.of(ANN, "Ann").withAccounts(Set.of(WA)));
  }

  @AfterEach
  void stop() {
    oc.close();
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void aCustomersMessageBecomesAnInteractionAndTheAgentsReplyIsSentInsideTheWindow() {
    WebhookResponse response = oc.handleWebhook(WA, WhatsAppFixtures.delivery("text"));
    assertThat(response.status()).isEqualTo(200);
    Contact layla = oc.contacts().findByIdentity(ChannelIdentity.of(WA, LAYLA)).orElseThrow();
    assertThat(layla.firstName()).contains("Layla Haddad");
    InteractionId chat = interactionOfLayla();
    oc.assign(chat, ANN);

    Message reply = oc.desk(ANN).sendText(chat, "Sorry Layla, checking it now 🔍");
    scheduler.runDue();

    assertThat(fake.sent()).hasSize(1);
    assertThat(fake.sent().get(0).path("to").asText()).isEqualTo(LAYLA);
    assertThat(fake.sent().get(0).path("text").path("body").asText()).isEqualTo("Sorry Layla, checking it now 🔍");
    assertThat(fake.sent().get(0).path("biz_opaque_callback_data").asText()).isEqualTo(reply.id().value());
    Message stored = find(chat, reply);
    assertThat(stored.deliveryStatus()).contains(DeliveryStatus.SENT);
    assertThat(stored.channelMessageId()).contains("wamid.fake-1");
  }

  @Test
  void aRedeliveredWebhookIsStoredOnce() {
    oc.handleWebhook(WA, WhatsAppFixtures.delivery("text"));
    oc.handleWebhook(WA, WhatsAppFixtures.delivery("text"));

    assertThat(oc.interactions().messages(interactionOfLayla())).hasSize(1);
  }

  @Test
  void afterTwentyFourHoursFreeTextIsRefusedByPolicyButATemplateGoesOut() {
    oc.handleWebhook(WA, WhatsAppFixtures.delivery("text"));
    InteractionId chat = interactionOfLayla();
    oc.assign(chat, ANN);
    scheduler.advance(Duration.ofHours(25));

    SendDecision decision = oc.canSend(chat);
    assertThat(decision).isInstanceOfSatisfying(SendDecision.Denied.class,
        d -> assertThat(d.reason()).isEqualTo(DenialReason.TEMPLATE_REQUIRED));
    assertThatThrownBy(() -> oc.desk(ANN).sendText(chat, "Still there?"))
        .isInstanceOf(SendNotAllowedException.class);

    Message template = oc.desk(ANN).sendTemplate(chat, MessageTemplate.of("order_update", "en_US", "#1042"));
    scheduler.runDue();

    assertThat(fake.sent()).hasSize(1);
    assertThat(fake.sent().get(0).path("type").asText()).isEqualTo("template");
    assertThat(fake.sent().get(0).path("template").path("name").asText()).isEqualTo("order_update");
    assertThat(find(chat, template).deliveryStatus()).contains(DeliveryStatus.SENT);
  }

  @Test
  void statusesInAnyOrderAndWithDeliveredSkippedEndAsRead() {
    oc.handleWebhook(WA, WhatsAppFixtures.delivery("text"));
    InteractionId chat = interactionOfLayla();
    oc.assign(chat, ANN);
    Message first = oc.desk(ANN).sendText(chat, "one");
    Message second = oc.desk(ANN).sendText(chat, "two");
    scheduler.runDue();

    // "read" for the first without any "delivered"; for the second "read" before "delivered",
    // and a late "failed" after it.
    oc.handleWebhook(WA, statuses(status("wamid.fake-1", "read"), status("wamid.fake-2", "read"),
        status("wamid.fake-2", "delivered"), status("wamid.fake-2", "failed")));

    assertThat(find(chat, first).deliveryStatus()).contains(DeliveryStatus.READ);
    assertThat(find(chat, second).deliveryStatus()).contains(DeliveryStatus.READ);
  }

  @Test
  void aFailedStatusLeavesTheMessageFailedWithWhatsAppsReason() {
    oc.handleWebhook(WA, WhatsAppFixtures.delivery("text"));
    InteractionId chat = interactionOfLayla();
    oc.assign(chat, ANN);
    Message reply = oc.desk(ANN).sendText(chat, "Hello?");
    scheduler.runDue();

    oc.handleWebhook(WA, statuses(status("wamid.fake-1", "failed")));

    Message stored = find(chat, reply);
    assertThat(stored.deliveryStatus()).contains(DeliveryStatus.FAILED);
    assertThat(stored.failureReason()).hasValueSatisfying(r -> assertThat(r)
        .isEqualTo("WhatsApp 131026: Message undeliverable (Message Undeliverable.)"));
  }

  @Test
  void anInboundImageIsDownloadedIntoTheEngine() throws IOException {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x42};
    fake.media("1479537139650973", "image/jpeg", jpeg);

    oc.handleWebhook(WA, WhatsAppFixtures.delivery("image"));

    Message in = oc.interactions().messages(interactionOfLayla()).get(0);
    assertThat(in.text()).isEqualTo("The box was damaged 📦");
    try (InputStream bytes = oc.openAttachment(in.attachment().orElseThrow().id())) {
      assertThat(bytes.readAllBytes()).isEqualTo(jpeg);
    }
  }

  @Test
  void anUnsignedDeliveryStoresNothing() {
    WebhookRequest unsigned = WebhookRequest.postJson("/webhooks/wa-shop", Map.of(),
        WhatsAppFixtures.json("batch"));

    assertThatThrownBy(() -> oc.handleWebhook(WA, unsigned)).isInstanceOf(WebhookVerificationException.class);
    assertThat(oc.contacts().findByIdentity(ChannelIdentity.of(WA, LAYLA))).isEmpty();
  }

  private static String status(String wamid, String status) {
    String errors = status.equals("failed") ? ",\"errors\":[{\"code\":131026,\"title\":\"Message"
        + " undeliverable\",\"message\":\"Message undeliverable\",\"error_data\":{\"details\":"
        + "\"Message Undeliverable.\"}}]" : "";
    return "{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\"1764000100\","
        + "\"recipient_id\":\"" + LAYLA + "\"" + errors + "}";
  }

  private static WebhookRequest statuses(String... statuses) {
    return WhatsAppFixtures.signed("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":"
        + "\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":"
        + "\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\""
        + WhatsAppFixtures.PHONE_NUMBER_ID + "\"},\"statuses\":[" + String.join(",", statuses) + "]}}]}]}");
  }

  private InteractionId interactionOfLayla() {
    Contact layla = oc.contacts().findByIdentity(ChannelIdentity.of(WA, LAYLA)).orElseThrow();
    List<Interaction> all = oc.interactions().ofContact(layla.id());
    assertThat(all).hasSize(1);
    return all.get(0).id();
  }

  private Message find(InteractionId chat, Message m) {
    return oc.interactions().messages(chat).stream().filter(x -> x.id().equals(m.id())).findFirst()
        .orElseThrow();
  }
}
