package io.openchannel.examples.serve;

import io.openchannel.adapters.telegram.TelegramConnector;
import io.openchannel.adapters.whatsapp.WhatsAppConnector;
import io.openchannel.adapters.whatsapp.WhatsAppNumber;
import io.openchannel.examples.demo.Narrator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

  /** The phone number id of the demo's WhatsApp number; its webhooks name it. */
  static final String WHATSAPP_PHONE_NUMBER_ID = "106540352242922";
  /**
   * A WhatsApp Cloud API delivery with one text message sent {@code at}, as Meta documents it.
   * The time matters: WhatsApp's 24-hour window counts from it, so the banner's sample is dated
   * when the server starts.
   */
  static String whatsAppMessage(Instant at) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{"
      + "\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{"
      + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
      + "\"15550783881\",\"phone_number_id\":\"" + WHATSAPP_PHONE_NUMBER_ID + "\"},\"contacts\":"
      + "[{\"profile\":{\"name\":\"Kenji Sato\"},\"wa_id\":\"819012345678\"}],\"messages\":[{"
      + "\"from\":\"819012345678\",\"id\":\"wamid.HBgMODE5MDEyMzQ1Njc4FQIAEhgg\",\"timestamp\":"
      + "\"" + at.getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":\"Is my order shipped yet?\"}}]}}]}]}";
  }

  private Banner() {}

  /** The {@code X-Hub-Signature-256} Meta would send with {@code body}. */
  static String metaSignature(String appSecret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  static void print(Narrator say, String store, String self, String genericSecret,
      String telegramSecret, String telegramApi, boolean fakeTelegram, WhatsAppNumber whatsApp,
      String graphApi, boolean fakeGraph, boolean autoAccept, Optional<String> reply) {
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
    say.field("account wa", "WhatsApp: GET (handshake) and POST " + self + WebhookEndpoint.PREFIX + "wa");
    say.more("app secret " + whatsApp.appSecret() + " (signs " + WhatsAppConnector.SIGNATURE_HEADER
        + "), verify token " + whatsApp.verifyToken());
    say.more("Graph API " + graphApi + (fakeGraph
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
    String sample = whatsAppMessage(Instant.now());
    printCurl(say, "curl '" + self + WebhookEndpoint.PREFIX + "wa?hub.mode=subscribe&hub.verify_token="
        + whatsApp.verifyToken() + "&hub.challenge=1158201444'");
    printCurl(say, "curl -X POST " + self + WebhookEndpoint.PREFIX + "wa"
        + " -H 'Content-Type: application/json' -H '" + WhatsAppConnector.SIGNATURE_HEADER + ": "
        + metaSignature(whatsApp.appSecret(), sample) + "' -d '" + sample + "'");
  }

  /**
   * A Messenger delivery with one text message for {@code pageId}, sent {@code at}: Messenger's
   * 24-hour window counts from the message's own timestamp, so the sample is dated at start.
   */
  static String messengerDelivery(String pageId, Instant at) {
    long ms = at.toEpochMilli();
    return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + pageId + "\",\"time\":" + (ms + 123)
        + ",\"messaging\":[{\"sender\":{\"id\":\"7654321098765432\"},\"recipient\":{\"id\":\""
        + pageId + "\"},\"timestamp\":" + ms + ",\"message\":{\"mid\":\"m_demo-" + ms
        + "\",\"text\":\"Hi! Is the blue kettle back in stock?\"}}]}]}";
  }

  /** The fb account's lines and curls (the handshake and a signed delivery), then the way out. */
  static void printMessenger(Narrator say, String self, ServeEngine.Messenger fb, String graphApi,
      boolean fakeGraph) {
    String sample = messengerDelivery(fb.pageId(), Instant.now());
    say.blank();
    say.field("account fb", "Messenger: GET (handshake) and POST " + self + WebhookEndpoint.PREFIX + "fb");
    say.more("Page " + fb.pageId() + ", app secret " + fb.appSecret() + " (signs "
        + WhatsAppConnector.SIGNATURE_HEADER + "), verify token " + fb.verifyToken());
    say.more("Graph API " + graphApi + (fakeGraph
        ? ", the same fake as wa's" : ", the real one: replies are sent"));
    printCurl(say, "curl '" + self + WebhookEndpoint.PREFIX + "fb?hub.mode=subscribe&hub.verify_token="
        + fb.verifyToken() + "&hub.challenge=1158201444'");
    printCurl(say, "curl -X POST " + self + WebhookEndpoint.PREFIX + "fb"
        + " -H 'Content-Type: application/json' -H '" + WhatsAppConnector.SIGNATURE_HEADER + ": "
        + metaSignature(fb.appSecret(), sample) + "' -d '" + sample + "'");
    say.say("Ctrl-C stops the server.");
    say.blank();
  }

  /** One command on one line, so that it pastes as it is, whatever the terminal's width. */
  private static void printCurl(Narrator say, String curl) {
    say.row(curl);
  }
}
