package io.openchannel.adapters.whatsapp;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.internal.meta.MetaWebhook;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Attachment;
import io.openchannel.message.AttachmentId;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.message.MessageTemplate;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Sample deliveries (src/test/resources/whatsapp), the account and number, outbound messages. */
final class WhatsAppFixtures {
  static final AccountId WA = AccountId.of("wa-shop");
  static final String PHONE_NUMBER_ID = "106540352242922";
  static final String TOKEN = "EAAGm0PX4ZCpsBO-fake-system-user-token";
  static final String APP_SECRET = "4f1c6b2e9d8a7f3e5c0b1a2d3e4f5a6b";
  static final String VERIFY_TOKEN = "verify-me-42";
  static final WhatsAppNumber NUMBER = new WhatsAppNumber(PHONE_NUMBER_ID, "102290129340398", TOKEN,
      APP_SECRET, VERIFY_TOKEN);
  static final Account ACCOUNT = Account.of(WA, ChannelType.WHATSAPP, "Shop on WhatsApp",
      AccountSettings.builder().replyUrl("https://graph.facebook.com").build());
  /** Layla's wa_id, the customer of most fixtures. */
  static final String LAYLA = "16505551234";

  private static final MetaWebhook SIGNER = new MetaWebhook("WhatsApp", APP_SECRET, VERIFY_TOKEN, 1);

  private WhatsAppFixtures() {}

  static WhatsAppConnector connector(FakeCloudApi fake) {
    return new WhatsAppConnector(config(fake).build());
  }

  static WhatsAppConfig.Builder config(FakeCloudApi fake) {
    return WhatsAppConfig.builder().number(WA, NUMBER).graphBaseUrl(fake.baseUrl())
        .apiVersion(FakeCloudApi.VERSION);
  }

  /** A fixture file's text. */
  static String json(String name) {
    try (InputStream in = WhatsAppFixtures.class.getResourceAsStream("/whatsapp/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalArgumentException("no fixture " + name, e);
    }
  }

  /** The fixture as Meta would POST it, signed with the app secret. */
  static WebhookRequest delivery(String name) {
    return signed(json(name));
  }

  /** {@code body} POSTed with a correct signature. */
  static WebhookRequest signed(String body) {
    return WebhookRequest.postJson("/webhooks/wa-shop",
        Map.of(MetaWebhook.SIGNATURE_HEADER, SIGNER.sign(body.getBytes(StandardCharsets.UTF_8))), body);
  }

  static OutboundMessage text(String to, String text) {
    return outbound(to, MessageKind.TEXT, text, null, null, null);
  }

  static OutboundMessage template(String to, MessageTemplate template) {
    return outbound(to, MessageKind.TEMPLATE, template.preview(), null, null, template);
  }

  static OutboundMessage file(String to, MessageKind kind, String caption, Attachment a, byte[] bytes) {
    return outbound(to, kind, caption, a, bytes, null);
  }

  static Attachment attachment(String name, String type, long size) {
    return new Attachment(AttachmentId.of("att-1"), name, type, size);
  }

  private static OutboundMessage outbound(String to, MessageKind kind, String text, Attachment a,
      byte[] bytes, MessageTemplate template) {
    Contact layla = new Contact(ContactId.of("c1"), Optional.of("Layla"), Optional.empty(), Map.of(),
        Set.of(), Instant.EPOCH, 0);
    return new OutboundMessage(MessageId.of("m-42"), InteractionId.of("i1"), WA,
        ConversationKey.direct(WA, to), layla, kind, text, Optional.ofNullable(a),
        Optional.ofNullable(bytes).map(b -> () -> new ByteArrayInputStream(b)), false,
        Optional.ofNullable(template), Optional.empty());
  }
}
