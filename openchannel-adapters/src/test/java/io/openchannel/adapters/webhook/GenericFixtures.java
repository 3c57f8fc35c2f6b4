package io.openchannel.adapters.webhook;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Shared pieces of the generic connector's tests: secret, clock, accounts, requests. */
final class GenericFixtures {
  static final String SECRET = "s3cret-0123456789abcdef";
  static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private GenericFixtures() {}

  /** A generic account replying to {@code replyUrl}, matching contacts by {@code mapKey}. */
  static Account account(String replyUrl, String mapKey) {
    return Account.of(AccountId.of("generic"), ChannelType.GENERIC, "Website chat",
        AccountSettings.builder().replyUrl(replyUrl).mapKey(mapKey).build());
  }

  static GenericWebhookConfig.Builder config(FakeReplyServer server) {
    return GenericWebhookConfig.builder(SECRET).clock(CLOCK)
        .attachmentUrlTemplate(server.url() + "/attachments/{id}");
  }

  /** A fixture file from {@code src/test/resources/generic}. */
  static String fixture(String name) {
    try (InputStream in = GenericFixtures.class.getResourceAsStream("/generic/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A POST of {@code json} authenticated the reference product's way, {@code ?apikey=}. */
  static WebhookRequest withApiKey(String json) {
    return request(Map.of("apikey", SECRET), Map.of("Content-Type", "application/json"), json);
  }

  static WebhookRequest request(Map<String, String> query, Map<String, String> headers, String json) {
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    return new WebhookRequest("POST", "/api/openchannel/accounts/generic/notify", query, h,
        json.getBytes(StandardCharsets.UTF_8));
  }

  /** Mia, known by phone and e-mail. */
  static Contact mia() {
    return new Contact(ContactId.of("c-mia"), Optional.of("Mia"), Optional.of("Rossi"),
        Map.of("phone", "+393331234567", "email", "mia@example.org"), Set.of(), NOW, 0);
  }

  /** A text reply to Mia on {@code account}. */
  static OutboundMessage reply(Account account, String text) {
    return new OutboundMessage(MessageId.of("msg-1"), InteractionId.of("int-1"), account.id(),
        ConversationKey.direct(account.id(), "+393331234567"), mia(), MessageKind.TEXT, text,
        Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty());
  }
}
