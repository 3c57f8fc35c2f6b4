package io.openchannel.examples.serve;

import io.openchannel.adapters.telegram.TelegramConnector;
import io.openchannel.examples.demo.Narrator;
import java.util.Optional;

/** What {@code serve} prints at start: where to post, with which secrets, and ready-made curls. */
final class Banner {
  /** A generic-channel message, in the reference product's open-channel format. */
  static final String GENERIC_MESSAGE = "{\"from\":\"+393331234567\",\"body\":\"Ciao 👋 where is"
      + " my order?\",\"mapKey\":\"phone\",\"firstName\":\"Mia\",\"lastName\":\"Rossi\"}";
  /** A Telegram update with a private-chat text message, as the Bot API documents it. */
  static final String TELEGRAM_UPDATE = "{\"update_id\":874512001,\"message\":{\"message_id\":1207,"
      + "\"from\":{\"id\":5012345678,\"is_bot\":false,\"first_name\":\"Layla\",\"last_name\":"
      + "\"Haddad\",\"username\":\"layla_h\"},\"chat\":{\"id\":5012345678,\"first_name\":\"Layla\","
      + "\"type\":\"private\"},\"date\":1764000000,\"text\":\"Hi! My parcel has not arrived\"}}";

  /** A Messenger delivery with one text message, as Meta documents it (Page id, time in ms). */
  private static final String MESSENGER_DELIVERY = "{\"object\":\"page\",\"entry\":[{\"id\":\"%s\","
      + "\"time\":%d,\"messaging\":[{\"sender\":{\"id\":\"7654321098765432\"},"
      + "\"recipient\":{\"id\":\"%s\"},\"timestamp\":%d,\"message\":{\"mid\":"
      + "\"m_demo-%d\",\"text\":\"Hi! Is the blue kettle back in stock?\"}}]}]}";

  private Banner() {}

  /**
   * The Messenger delivery for {@code pageId}, sent at {@code at}: Messenger's 24-hour window
   * counts from the message's own timestamp, so a fixed date would soon be refused.
   */
  static String messengerDelivery(String pageId, java.time.Instant at) {
    long ms = at.toEpochMilli();
    return String.format(java.util.Locale.ROOT, MESSENGER_DELIVERY, pageId, ms + 123, pageId, ms, ms);
  }

  /** Meta's {@code X-Hub-Signature-256} of {@code body}: hex HMAC-SHA256 with the app secret. */
  static String messengerSignature(String appSecret, String body) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(
          appSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + java.util.HexFormat.of().formatHex(
          mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The fb account's lines and curls: the handshake and a signed delivery. */
  static void printMessenger(Narrator say, String self, ServeEngine.Meta meta, boolean fakeGraph) {
    String body = messengerDelivery(meta.pageId(), java.time.Instant.now());
    say.field("account fb", "Messenger: GET (handshake) and POST " + self + WebhookEndpoint.PREFIX + "fb");
    say.more("Page " + meta.pageId() + ", verify token " + meta.verifyToken() + ", app secret "
        + meta.appSecret() + " (signs X-Hub-Signature-256)");
    say.more("Graph API " + meta.graphApi() + (fakeGraph
        ? ", a fake that prints calls and sends nothing" : ", the real one: replies are sent"));
    say.blank();
    say.say("Messenger:");
    printCurl(say, "curl '" + self + WebhookEndpoint.PREFIX + "fb?hub.mode=subscribe&hub.verify_token="
        + meta.verifyToken() + "&hub.challenge=1158201444'");
    printCurl(say, "curl -X POST " + self + WebhookEndpoint.PREFIX + "fb"
        + " -H 'Content-Type: application/json' -H 'X-Hub-Signature-256: "
        + messengerSignature(meta.appSecret(), body) + "' -d '" + body + "'");
    say.say("Ctrl-C stops the server.");
    say.blank();
  }

  static void print(Narrator say, String self, String genericSecret, String telegramSecret,
      String telegramApi, boolean fakeTelegram, boolean autoAccept, Optional<String> reply) {
    say.title("openchannel serve", "Webhook endpoints on an in-memory engine; every event is"
        + " printed as it arrives.");
    say.blank();
    say.field("listening", self);
    say.field("account web", "Generic open channel: POST " + self + WebhookEndpoint.PREFIX + "web");
    say.more("secret " + genericSecret + " (as ?apikey= or Authorization: Bearer)");
    say.more("Reply URL " + self + FakePlatforms.REPLY_PATH + ", a fake that prints replies");
    say.field("account tg", "Telegram: POST " + self + WebhookEndpoint.PREFIX + "tg");
    say.more("secret " + telegramSecret + " (header " + TelegramConnector.SECRET_HEADER + ")");
    say.more("Bot API " + telegramApi + (fakeTelegram
        ? ", a fake that prints calls and sends nothing" : ", the real one: replies are sent"));
    say.field("queue", "support, round robin: ann and ben, AVAILABLE, offered each new chat");
    say.field("agents", !autoAccept ? "do nothing: offers ring until they time out (--auto-accept)"
        : "accept every offer" + reply.map(r -> " and reply \"" + r + "\"").orElse(""));
    say.blank();
    say.say("Try:");
    printCurl(say, "curl -X POST '" + self + WebhookEndpoint.PREFIX + "web?apikey=" + genericSecret
        + "' -H 'Content-Type: application/json' -d '" + GENERIC_MESSAGE + "'");
    printCurl(say, "curl -X POST " + self + WebhookEndpoint.PREFIX + "tg"
        + " -H 'Content-Type: application/json' -H '" + TelegramConnector.SECRET_HEADER + ": "
        + telegramSecret + "' -d '" + TELEGRAM_UPDATE + "'");
    say.blank();
  }

  /** One command on one line, so that it pastes as it is, whatever the terminal's width. */
  private static void printCurl(Narrator say, String curl) {
    say.row(curl);
  }
}
