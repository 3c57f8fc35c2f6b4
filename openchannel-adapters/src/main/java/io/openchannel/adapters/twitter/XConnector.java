package io.openchannel.adapters.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openchannel.InvalidInputException;
import io.openchannel.WebhookVerificationException;
import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.internal.ConfigChecks;
import io.openchannel.adapters.internal.HmacSignature;
import io.openchannel.adapters.internal.JsonWebhookBody;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResponse;
import io.openchannel.spi.channel.WebhookResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The X (Twitter) direct messages connector, in the Account Activity API's shape. Register it
 * with {@code OpenChannel.builder().connector(...)}; it serves every {@link ChannelType#TWITTER}
 * account that has an {@link XAccount} in its {@link XConfig}.
 *
 * <p><b>Inbound.</b> Register the host's endpoint as the app's webhook and subscribe the user.
 * <ul>
 *   <li>The CRC check, {@code GET ?crc_token=…}, is answered
 *       {@code {"response_token":"sha256=<base64 HMAC-SHA256(crc_token, consumer secret)>"}}.
 *   <li>A {@code POST} must carry {@code x-twitter-webhooks-signature: sha256=<base64
 *       HMAC-SHA256(body, consumer secret)>}, compared in constant time; a missing or wrong one is
 *       a {@link WebhookVerificationException} and nothing is stored.
 *   <li>Each {@code direct_message_events[]} of type {@code message_create} becomes an
 *       {@code InboundMessage} with the event id as channel message id: the sender is
 *       {@code sender_id}, named from the delivery's {@code users} map (screen name as contact
 *       field {@code twitter}); t.co links are expanded from {@code entities.urls}; a media
 *       attachment (photo, or the best mp4 of a video or GIF) is downloaded lazily with the user
 *       token and its t.co link dropped from the text. A quick reply's text is the chosen option.
 *   <li>Our own messages echoed back ({@code sender_id == for_user_id}) are dropped, as are events
 *       repeated within one delivery. A delivery for another {@code for_user_id} is refused.
 *   <li>{@code direct_message_mark_read_events} by the customer become {@code READ} receipts for
 *       {@code last_read_event_id} and everything we sent them up to the read's time.
 *   <li>Typing indicators, tweets, follows and unknown kinds are acknowledged, nothing stored.
 * </ul>
 * Bodies that are not JSON, not {@code application/json} or larger than
 * {@link XConfig#http()}'s {@code maxWebhookBytes} are {@link InvalidInputException}s.
 *
 * <p><b>Outbound.</b> Text up to 10,000 characters goes by
 * {@code POST /2/dm_conversations/with/{participant_id}/messages} with the account's OAuth 2.0
 * user token; the answer's {@code dm_event_id} is the channel message id. An image (JPEG, PNG,
 * WebP, BMP or TIFF up to 5 MB) is first uploaded by {@code POST /2/media/upload} as
 * {@code dm_image} and attached by its media id. 429 is transient until
 * {@code x-rate-limit-reset}; 5xx transient (honouring {@code Retry-After}); 403 (the user does
 * not accept messages from us) and other errors permanent with X's words. Videos, GIFs and
 * documents (which need X's chunked upload) fail permanently.
 *
 * <p>Thread-safe; keeps no state.
 */
public final class XConnector implements ChannelConnector {
  /** The header X signs deliveries with. */
  public static final String SIGNATURE_HEADER = "x-twitter-webhooks-signature";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final XConfig config;
  private final HttpClient http;
  private final XSender sender;

  /** A connector for the accounts of {@code config}. */
  public XConnector(XConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.http = ConfigChecks.client(config.http());
    this.sender = new XSender(http, config);
  }

  @Override
  public ChannelType type() {
    return ChannelType.TWITTER;
  }

  /**
   * Answers a CRC check, or verifies and parses a delivery.
   *
   * @throws WebhookVerificationException if a delivery's signature is missing or wrong
   * @throws InvalidInputException if the account has no X account, the CRC has no token, or the
   *     method, content type, size or JSON is wrong
   */
  @Override
  public WebhookResult handle(WebhookRequest request, Account account) {
    XAccount x = config.account(account.id()).orElseThrow(() -> new InvalidInputException(
        "no X account is configured for account " + account.id()
            + "; add XConfig.builder().account(accountId, userId, consumerSecret, tokenSupplier)"));
    HmacSignature signature = HmacSignature.sha256(x.consumerSecret().getBytes(StandardCharsets.UTF_8));
    if (request.method().equals("GET")) {
      return crc(request, signature);
    }
    if (!request.method().equals("POST")) {
      throw new InvalidInputException("X sends the CRC by GET and events by POST, got " + request.method());
    }
    byte[] body = request.body();
    signature.verify(SIGNATURE_HEADER, request.header(SIGNATURE_HEADER), "sha256=", body,
        HmacSignature.Encoding.BASE64);
    JsonNode delivery = JsonWebhookBody.readObject(request, config.http().maxWebhookBytes(),
        "the X delivery", "XConfig http maxWebhookBytes");
    return WebhookResult.of(new DmEventParser(url -> download(url, x)).parse(delivery, x));
  }

  private static WebhookResult crc(WebhookRequest request, HmacSignature signature) {
    String token = request.query().get("crc_token");
    if (token == null || token.isBlank() || token.length() > 1024) {
      throw new InvalidInputException("a CRC check is GET ?crc_token=<token> (at most 1024 characters)");
    }
    String answer = signature.header("sha256=", token.getBytes(StandardCharsets.UTF_8),
        HmacSignature.Encoding.BASE64);
    return WebhookResult.handshake(WebhookResponse.json(
        JSON.createObjectNode().put("response_token", answer).toString()));
  }

  /**
   * Sends the text to the customer; a missing account, an unusable message and every platform
   * error come back as a {@link SendResult.Failed}.
   */
  @Override
  public SendResult send(OutboundMessage message, Account account) {
    return config.account(account.id())
        .map(x -> sender.send(message, x))
        .orElseGet(() -> SendResult.permanentFailure("no X account is configured for account "
            + account.id()));
  }

  /** DM media is private: it is fetched with the user's token. */
  private Supplier<InputStream> download(URI url, XAccount x) {
    return () -> {
      try {
        HttpRequest get = HttpRequest.newBuilder(url).timeout(config.http().requestTimeout())
            .header("Authorization", "Bearer " + x.userToken().get()).GET().build();
        HttpResponse<InputStream> response = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
          response.body().close();
          throw new IOException("downloading X media from " + url.getHost() + " answered "
              + response.statusCode());
        }
        return response.body();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException("interrupted while downloading X media", e));
      }
    };
  }
}
