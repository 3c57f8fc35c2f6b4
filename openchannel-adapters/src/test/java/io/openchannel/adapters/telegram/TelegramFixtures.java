package io.openchannel.adapters.telegram;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Sample updates (src/test/resources/telegram), the account, and outbound messages. */
final class TelegramFixtures {
  static final AccountId TG = AccountId.of("tg-shop");
  static final String SECRET = "s3cret_Token-42";
  static final Account ACCOUNT = Account.of(TG, ChannelType.TELEGRAM, "Shop bot",
      AccountSettings.builder().replyUrl("https://api.telegram.org").build());

  private TelegramFixtures() {}

  static TelegramConnector connector(FakeTelegram fake) {
    return new TelegramConnector(TelegramConfig.builder().bot(TG, FakeTelegram.TOKEN, SECRET)
        .apiBaseUrl(fake.baseUrl()).build());
  }

  /** A fixture file's text. */
  static String json(String name) {
    try (InputStream in = TelegramFixtures.class.getResourceAsStream("/telegram/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture as Telegram would POST it, with the right secret header. */
  static WebhookRequest update(String name) {
    return post(json(name), SECRET);
  }

  static WebhookRequest post(String body, String secret) {
    return WebhookRequest.postJson("/webhooks/telegram/tg-shop",
        secret == null ? Map.of() : Map.of(TelegramConnector.SECRET_HEADER, secret), body);
  }

  static OutboundMessage text(String chatId, String text) {
    return outbound(chatId, MessageKind.TEXT, text, null, null);
  }

  static OutboundMessage file(String chatId, MessageKind kind, String caption, Attachment a, byte[] bytes) {
    return outbound(chatId, kind, caption, a, () -> new ByteArrayInputStream(bytes));
  }

  static Attachment attachment(String name, String type, long size) {
    return new Attachment(AttachmentId.of("att-1"), name, type, size);
  }

  private static OutboundMessage outbound(String chatId, MessageKind kind, String text, Attachment a,
      Supplier<InputStream> content) {
    Contact layla = new Contact(ContactId.of("c1"), Optional.of("Layla"), Optional.empty(), Map.of(),
        Set.of(), Instant.EPOCH, 0);
    return new OutboundMessage(MessageId.of("m1"), InteractionId.of("i1"), TG,
        ConversationKey.direct(TG, chatId), layla, kind, text, Optional.ofNullable(a),
        Optional.ofNullable(content), false, Optional.empty(), Optional.empty());
  }
}
