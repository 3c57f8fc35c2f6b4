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

  private Banner() {}

  static void print(Narrator say, String store, String self, String genericSecret,
      String telegramSecret, String telegramApi, boolean fakeTelegram, boolean autoAccept,
      Optional<String> reply) {
    say.title("openchannel serve", "Webhook endpoints on an engine that keeps its history;"
        + " every event is printed as it arrives.");
    say.blank();
    say.field("listening", self);
    say.field("history", store);
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
    say.say("Ctrl-C stops the server.");
    say.blank();
  }

  /** One command on one line, so that it pastes as it is, whatever the terminal's width. */
  private static void printCurl(Narrator say, String curl) {
    say.row(curl);
  }
}
