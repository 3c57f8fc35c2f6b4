package io.openchannel.adapters.twitter;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.internal.HmacSignature;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Attachment;
import io.openchannel.message.AttachmentId;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.tck.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Sample deliveries (src/test/resources/twitter), signing, the account, outbound messages. */
final class XFixtures {
  static final AccountId X = AccountId.of("x-support");
  static final String OWN_USER = "4337869213";
  static final String LAYLA = "3001969357";
  static final String CONSUMER_SECRET = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";
  static final Instant NOW = Instant.parse("2025-11-24T16:00:20Z");
  static final Account ACCOUNT = Account.of(X, ChannelType.TWITTER, "Shop on X",
      AccountSettings.builder().replyUrl("https://api.x.com").build());

  private XFixtures() {}

  static XConnector connector(FakeX fake, ManualClock clock) {
    return new XConnector(XConfig.builder().account(X, OWN_USER, CONSUMER_SECRET, () -> FakeX.TOKEN)
        .apiBaseUrl(fake.baseUrl()).clock(clock).build());
  }

  static String json(String name, FakeX fake) {
    try (InputStream in = XFixtures.class.getResourceAsStream("/twitter/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("MEDIA_URL/", fake.baseUrl() + "/");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture as X would POST it, signed with the consumer secret. */
  static WebhookRequest delivery(String name, FakeX fake) {
    return signed(json(name, fake));
  }

  static WebhookRequest signed(String body) {
    String signature = HmacSignature.sha256(CONSUMER_SECRET.getBytes(StandardCharsets.UTF_8))
        .header("sha256=", body.getBytes(StandardCharsets.UTF_8), HmacSignature.Encoding.BASE64);
    return WebhookRequest.postJson("/webhooks/x/x-support", Map.of(XConnector.SIGNATURE_HEADER, signature), body);
  }

  static OutboundMessage image(String to, String caption, String type, byte[] bytes) {
    Contact layla = new Contact(ContactId.of("c1"), Optional.of("Layla"), Optional.empty(), Map.of(),
        Set.of(), Instant.EPOCH, 0);
    Attachment file = new Attachment(AttachmentId.of("att-1"), "label." + type.substring(type.indexOf('/') + 1),
        type, bytes.length);
    return new OutboundMessage(MessageId.of("m2"), InteractionId.of("i1"), X,
        ConversationKey.direct(X, to), layla, MessageKind.ATTACHMENT, caption, Optional.of(file),
        Optional.of(() -> new ByteArrayInputStream(bytes)), false, Optional.empty(), Optional.empty());
  }

  static OutboundMessage text(String to, String text) {
    Contact layla = new Contact(ContactId.of("c1"), Optional.of("Layla"), Optional.empty(), Map.of(),
        Set.of(), Instant.EPOCH, 0);
    return new OutboundMessage(MessageId.of("m1"), InteractionId.of("i1"), X,
        ConversationKey.direct(X, to), layla, MessageKind.TEXT, text, Optional.empty(),
        Optional.empty(), false, Optional.empty(), Optional.empty());
  }
}
