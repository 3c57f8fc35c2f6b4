package io.openchannel.adapters.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.InvalidInputException;
import io.openchannel.WebhookVerificationException;
import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.internal.ConfigChecks;
import io.openchannel.adapters.internal.JsonWebhookBody;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResult;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The Telegram Bot API connector. Register it with {@code OpenChannel.builder().connector(...)};
 * it serves every {@link ChannelType#TELEGRAM} account that has a bot in its {@link TelegramConfig}.
 *
 * <p><b>Inbound.</b> Point each bot's {@code setWebhook} at the host's endpoint with a
 * {@code secret_token}; a request whose {@code X-Telegram-Bot-Api-Secret-Token} is missing or
 * different is a {@link WebhookVerificationException}. Each request carries one {@code Update}:
 * <ul>
 *   <li>{@code message} in a private chat becomes an {@code InboundMessage}: the sender is the chat
 *       id, with first and last name and the {@code username} as contact field {@code telegram};
 *       the text, or the caption and one file (the largest photo, a document, voice, audio, video
 *       or sticker), whose bytes are fetched through {@code getFile} only when the engine asks;
 *   <li>the channel message id is {@code <chat id>:<message_id>}, not {@code update_id}: the pair is
 *       stable and unique for a bot, matches the ids of our sent messages, and {@code update_id}
 *       may restart at a random value after a week without updates;
 *   <li>{@code edited_message} is ignored (the engine keeps what the customer first wrote),
 *       {@code channel_post}, group chats and {@code callback_query} (we send no buttons) are
 *       ignored, as are service messages and unknown kinds: answered 200 with nothing stored, so
 *       Telegram does not redeliver them.
 * </ul>
 * Bodies that are not JSON, not {@code application/json} or larger than
 * {@link TelegramConfig#http()}'s {@code maxWebhookBytes} are {@link InvalidInputException}s.
 *
 * <p><b>Outbound.</b> Text goes by {@code sendMessage}; files by multipart {@code sendPhoto} (JPEG
 * or PNG up to 10 MB), {@code sendVoice} (voice messages) or {@code sendDocument} (everything else),
 * with the text as caption. Errors are classified, never thrown: see {@link SendOutcomes}.
 *
 * <p>Thread-safe; keeps no per-message state.
 */
public final class TelegramConnector implements ChannelConnector {
  /** The header Telegram sets to the webhook's {@code secret_token}. */
  public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";


  private final TelegramConfig config;
  private final HttpClient http;
  private final TelegramSender sender;

  /** A connector for the bots of {@code config}. */
  public TelegramConnector(TelegramConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.http = ConfigChecks.client(config.http());
    this.sender = new TelegramSender();
  }

  @Override
  public ChannelType type() {
    return ChannelType.TELEGRAM;
  }

  @Override
  public WebhookResult handle(WebhookRequest request, Account account) {
    TelegramBot bot = config.bot(account.id()).orElseThrow(() -> new InvalidInputException(
        "no Telegram bot is configured for account " + account.id()
            + "; add TelegramConfig.builder().bot(accountId, token, secretToken)"));
    verify(request, bot);
    if (!request.method().equals("POST")) {
      throw new InvalidInputException("Telegram delivers updates by POST, got " + request.method());
    }
    JsonNode update = JsonWebhookBody.readObject(request, config.http().maxWebhookBytes(),
        "the Telegram update", "TelegramConfig http maxWebhookBytes");
    return WebhookResult.of(new UpdateParser(api(bot)::file).parse(update));
  }

  /** Constant-time compare, so timing does not reveal how much of a guess was right. */
  private static void verify(WebhookRequest request, TelegramBot bot) {
    String given = request.header(SECRET_HEADER).orElseThrow(() -> new WebhookVerificationException(
        "missing " + SECRET_HEADER + " header; set secret_token in setWebhook"));
    if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        bot.secretToken().getBytes(StandardCharsets.UTF_8))) {
      throw new WebhookVerificationException(SECRET_HEADER + " does not match the bot's secret token");
    }
  }

  /**
   * Sends through the account's bot; a missing bot, an unreadable attachment and every platform
   * error come back as a {@link SendResult.Failed}.
   */
  @Override
  public SendResult send(OutboundMessage message, Account account) {
    return config.bot(account.id())
        .map(bot -> sender.send(api(bot), message))
        .orElseGet(() -> SendResult.permanentFailure("no Telegram bot is configured for account "
            + account.id()));
  }

  private TelegramApi api(TelegramBot bot) {
    return new TelegramApi(http, config.apiBaseUrl(), bot, config.http().requestTimeout());
  }
}
