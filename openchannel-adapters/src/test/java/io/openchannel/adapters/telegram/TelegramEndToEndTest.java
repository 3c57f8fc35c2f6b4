package io.openchannel.adapters.telegram;

import static io.openchannel.adapters.telegram.TelegramFixtures.ACCOUNT;
import static io.openchannel.adapters.telegram.TelegramFixtures.TG;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.OpenChannel;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.AttachmentUpload;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.channel.WebhookResponse;
import io.openchannel.tck.DeterministicScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole path: Telegram's webhook in, the engine, an agent's reply out to the fake Bot API. */
class TelegramEndToEndTest {
  private static final AgentId ANN = AgentId.of("ann");
  private static final String CHAT = "5012345678";

  private final FakeTelegram fake = new FakeTelegram();
  private final DeterministicScheduler scheduler = new DeterministicScheduler();
  private final OpenChannel oc = OpenChannel.builder().clock(scheduler.clock()).scheduler(scheduler)
      .connector(TelegramFixtures.connector(fake)).build();

  TelegramEndToEndTest() {
    oc.accounts().create(ACCOUNT);
    oc.agents().create(Agent.of(ANN, "Ann").withAccounts(Set.of(TG)));
  }

  @AfterEach
  void stop() {
    oc.close();
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void aCustomersUpdateBecomesAnInteractionAndTheAgentsReplyIsSentThroughTheBotApi() {
    WebhookResponse response = oc.handleWebhook(TG, TelegramFixtures.update("text"));
    assertThat(response.status()).isEqualTo(200);
    InteractionId chat = interactionOfChat();
    oc.assign(chat, ANN);

    Message reply = oc.desk(ANN).sendText(chat, "Sorry Layla, checking it now 🔍");
    scheduler.runDue();

    FakeTelegram.Received sent = fake.last();
    assertThat(sent.path()).isEqualTo("/bot" + FakeTelegram.TOKEN + "/sendMessage");
    assertThat(sent.json().get("chat_id").asText()).isEqualTo(CHAT);
    assertThat(sent.json().get("text").asText()).isEqualTo("Sorry Layla, checking it now 🔍");
    Message stored = find(chat, reply);
    assertThat(stored.deliveryStatus()).contains(DeliveryStatus.SENT);
    assertThat(stored.channelMessageId()).contains(CHAT + ":9001");
  }

  @Test
  void aRedeliveredUpdateIsStoredOnce() {
    oc.handleWebhook(TG, TelegramFixtures.update("text"));
    oc.handleWebhook(TG, TelegramFixtures.update("text"));

    assertThat(oc.interactions().messages(interactionOfChat())).hasSize(1);
  }

  @Test
  void anInboundPhotoIsDownloadedIntoTheEngineAndAPhotoReplyIsUploaded() throws IOException {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x42};
    fake.file("AgACAgQAAxkBAAIBlarge", "photos/file_9.jpg", jpeg);
    oc.handleWebhook(TG, TelegramFixtures.update("photo"));
    InteractionId chat = interactionOfChat();
    Message in = oc.interactions().messages(chat).get(0);
    try (InputStream bytes = oc.openAttachment(in.attachment().orElseThrow().id())) {
      assertThat(bytes.readAllBytes()).isEqualTo(jpeg);
    }
    oc.assign(chat, ANN);

    Message reply = oc.desk(ANN).sendAttachment(chat, AttachmentUpload.of("reply.jpg", "image/jpeg", jpeg),
        "Thanks, refund on its way");
    scheduler.runDue();

    assertThat(fake.last().path()).endsWith("/sendPhoto");
    assertThat(fake.last().parts().get("photo").bytes()).isEqualTo(jpeg);
    assertThat(find(chat, reply).deliveryStatus()).contains(DeliveryStatus.SENT);
  }

  @Test
  void aBlockedBotLeavesTheReplyFailedWithTelegramsReason() {
    oc.handleWebhook(TG, TelegramFixtures.update("text"));
    InteractionId chat = interactionOfChat();
    oc.assign(chat, ANN);
    fake.failNext(403, "Forbidden: bot was blocked by the user", null);

    Message reply = oc.desk(ANN).sendText(chat, "Hello?");
    scheduler.runDue();

    Message stored = find(chat, reply);
    assertThat(stored.deliveryStatus()).contains(DeliveryStatus.FAILED);
    assertThat(stored.failureReason()).contains("Telegram 403: Forbidden: bot was blocked by the user");
  }

  private InteractionId interactionOfChat() {
    var layla = oc.contacts().findByIdentity(ChannelIdentity.of(TG, CHAT)).orElseThrow();
    List<io.openchannel.interaction.Interaction> all = oc.interactions().ofContact(layla.id());
    assertThat(all).hasSize(1);
    return all.get(0).id();
  }

  private Message find(InteractionId chat, Message m) {
    return oc.interactions().messages(chat).stream().filter(x -> x.id().equals(m.id())).findFirst()
        .orElseThrow();
  }
}
