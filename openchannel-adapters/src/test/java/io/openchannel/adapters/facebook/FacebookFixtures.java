package io.openchannel.adapters.facebook;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.adapters.internal.meta.MetaWebhook;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.Attachment;
import io.openchannel.message.AttachmentId;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.policy.SendDecision;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Sample deliveries (src/test/resources/facebook), accounts, connectors and outbound messages. */
final class FacebookFixtures {
  static final String APP_SECRET = "0123456789abcdef0123456789abcdef";
  static final String VERIFY_TOKEN = "verify-openchannel-42";
  static final String PAGE_ID = "104567890123456";
  static final String IG_ID = "17841400000000001";
  static final String PAGE_TOKEN = "EAAGm0PX4ZCpsBA-page-token";
  static final String IG_TOKEN = "IGQVJ-instagram-token";
  static final String PSID = "7654321098765432";
  static final Instant NOW = Instant.parse("2025-11-24T16:05:00Z");

  static final AccountId FB = AccountId.of("fb-shop");
  static final AccountId PAGE = AccountId.of("fb-wall");
  static final AccountId IG = AccountId.of("ig-shop");
  static final Account MESSENGER_ACCOUNT = Account.of(FB, ChannelType.FACEBOOK_MESSENGER, "Shop",
      AccountSettings.builder().replyUrl("https://graph.facebook.com").build());
  static final Account PAGE_ACCOUNT = Account.of(PAGE, ChannelType.FACEBOOK_PAGE, "Shop wall",
      AccountSettings.builder().replyUrl("https://graph.facebook.com").build());
  static final Account IG_ACCOUNT = Account.of(IG, ChannelType.INSTAGRAM, "Shop on Instagram",
      AccountSettings.builder().replyUrl("https://graph.facebook.com").build());

  private FacebookFixtures() {}

  static FacebookConfig config(FakeGraph fake, Clock clock) {
    return FacebookConfig.builder(APP_SECRET, VERIFY_TOKEN)
        .page(FB, PAGE_ID, PAGE_TOKEN).page(PAGE, PAGE_ID, PAGE_TOKEN).instagram(IG, IG_ID, IG_TOKEN)
        .graphBaseUrl(fake.baseUrl()).graphVersion(FakeGraph.VERSION).clock(clock).build();
  }

  static FacebookConfig config(FakeGraph fake) {
    return config(fake, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** A fixture file's text. */
  static String json(String name) {
    try (InputStream in = FacebookFixtures.class.getResourceAsStream("/facebook/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("no fixture " + name, e);
    }
  }

  /** The fixture as Meta would POST it, signed with the app secret. */
  static WebhookRequest delivery(String name) {
    return signed(json(name));
  }

  /** The fixture with its CDN URLs pointing at {@code fake}, which serves the same paths. */
  static WebhookRequest deliveryVia(String name, FakeGraph fake) {
    return signed(json(name).replaceAll("https://[a-z.]+\\.(fbcdn\\.net|fbsbx\\.com)", fake.baseUrl()));
  }

  static WebhookRequest signed(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String signature = new MetaWebhook("test", APP_SECRET, VERIFY_TOKEN, 1 << 20).sign(bytes);
    return WebhookRequest.postJson("/webhooks/meta", Map.of(MetaWebhook.SIGNATURE_HEADER, signature), body);
  }

  static WebhookRequest withoutSignature(WebhookRequest request) {
    TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(request.headers());
    headers.remove(MetaWebhook.SIGNATURE_HEADER);
    return new WebhookRequest(request.method(), request.path(), request.query(), headers, request.body());
  }

  static WebhookRequest handshake(String token, String challenge) {
    return new WebhookRequest("GET", "/webhooks/meta", Map.of("hub.mode", "subscribe",
        "hub.verify_token", token, "hub.challenge", challenge), Map.of(), new byte[0]);
  }

  static OutboundMessage text(AccountId account, String to, String text, Optional<SendDecision.Allowed> terms) {
    return outbound(account, ConversationKey.direct(account, to), MessageKind.TEXT, text, null, null, terms);
  }

  static OutboundMessage publicText(AccountId account, String to, String thread, String text) {
    return outbound(account, new ConversationKey(account, to, Visibility.PUBLIC, Optional.of(thread)),
        MessageKind.TEXT, text, null, null, Optional.empty());
  }

  static OutboundMessage file(AccountId account, ConversationKey to, String caption, Attachment a, byte[] bytes) {
    return outbound(account, to, MessageKind.ATTACHMENT, caption, a, bytes, Optional.empty());
  }

  static Attachment attachment(String name, String type, long size) {
    return new Attachment(AttachmentId.of("att-1"), name, type, size);
  }

  private static OutboundMessage outbound(AccountId account, ConversationKey to, MessageKind kind,
      String text, Attachment a, byte[] bytes, Optional<SendDecision.Allowed> terms) {
    Contact mia = new Contact(ContactId.of("c1"), Optional.of("Mia"), Optional.empty(), Map.of(),
        Set.of(), Instant.EPOCH, 0);
    return new OutboundMessage(MessageId.of("m1"), InteractionId.of("i1"), account, to, mia, kind, text,
        Optional.ofNullable(a), Optional.ofNullable(bytes).<Supplier<InputStream>>map(b -> () -> new ByteArrayInputStream(b)),
        false, Optional.empty(), terms);
  }
}
