package io.openchannel.adapters.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.InvalidInputException;
import io.openchannel.WebhookVerificationException;
import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.internal.meta.GraphApi;
import io.openchannel.adapters.internal.meta.MetaWebhook;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResponse;
import io.openchannel.spi.channel.WebhookResult;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The WhatsApp Business Cloud API connector. Register it with
 * {@code OpenChannel.builder().connector(...)}; it serves every {@link ChannelType#WHATSAPP}
 * account that has a {@link WhatsAppNumber} in its {@link WhatsAppConfig}.
 *
 * <p><b>Webhook.</b> Point the Meta app's WhatsApp webhook (field {@code messages}) at the host's
 * endpoint for the account. The subscription handshake ({@code GET ?hub.mode=subscribe&
 * hub.verify_token=…&hub.challenge=…}) is answered with the challenge when the verify token
 * matches. Every delivery must carry {@code X-Hub-Signature-256}, the HMAC-SHA256 of the raw body
 * under the app secret: without it, or with a wrong one, it is a
 * {@link WebhookVerificationException} and nothing is stored. Bodies that are not JSON objects,
 * not {@code application/json} or larger than {@link WhatsAppConfig#http()}'s
 * {@code maxWebhookBytes} are {@link InvalidInputException}s. One delivery may hold several entries and changes; only changes
 * of field {@code messages} for this account's {@code phone_number_id} are read (give each number
 * its own endpoint, or route by number before calling the engine).
 *
 * <p><b>Inbound messages</b> ({@code value.messages[]}), keyed by their {@code wamid} (so a
 * redelivery is stored once), sent by the customer's {@code wa_id} with the {@code contacts[]}
 * profile name as first name and the contact fields {@code whatsapp} (the wa_id) and
 * {@code phone} ({@code +} and the wa_id):
 * <ul>
 *   <li>{@code text}: its body, exactly;
 *   <li>{@code image}, {@code video}, {@code audio}, {@code document}, {@code sticker}: one
 *       attachment, with the caption as text; a document keeps its file name, an audio with
 *       {@code voice:true} is a voice message. The media id is resolved ({@code GET /{media-id}})
 *       and downloaded with the token only when the engine stores the message;
 *   <li>{@code location}: {@code [location] name, address (lat, long) <map link>};
 *   <li>{@code contacts}: {@code [contact] name, phones, e-mails} per shared card;
 *   <li>{@code interactive} button and list replies and template quick-reply {@code button}s: the
 *       title the customer tapped, as if typed; flow replies as {@code [form reply] <json>};
 *   <li>{@code reaction}: {@code [reaction] 👍}, or {@code [reaction removed]};
 *   <li>{@code order}: {@code [order]} and its items; {@code system}: {@code [system]} and its text;
 *   <li>{@code unsupported} and any type unknown today: {@code [unsupported WhatsApp message:
 *       <type>: <WhatsApp's explanation>]}, so that nothing the customer sends is lost silently.
 * </ul>
 * A reply's {@code context} (the quoted message) is not kept: the engine has no reply-to yet.
 *
 * <p><b>Statuses</b> ({@code value.statuses[]}) become receipts for the {@code wamid}:
 * {@code delivered}, {@code read}, and {@code failed} with WhatsApp's error codes, titles and
 * details as the reason; {@code sent} is already known from the send's answer and is dropped.
 * They may come in any order and {@code delivered} may be skipped; the engine only moves a status
 * forward.
 *
 * <p><b>Sending</b> is {@code POST /{phone-number-id}/messages} with the number's token as
 * {@code Authorization: Bearer}: text ({@code type:"text"}), approved templates
 * ({@code type:"template"}, name, language, the parameters as body parameters) and files, first
 * uploaded with {@code POST /{phone-number-id}/media} and then sent by media id as
 * {@code image} (JPEG, PNG), {@code video}, {@code audio} or {@code document} (with its file
 * name). Our message id travels as {@code biz_opaque_callback_data}. The answer's
 * {@code messages[0].id} is the channel message id that statuses refer to. Errors are classified,
 * never thrown: see {@link WhatsAppErrors} (rate limits and 5xx transient with the wait Meta asks
 * for, 131047 outside the 24-hour window a policy refusal, the rest permanent with WhatsApp's
 * words). The engine's WhatsApp policy already refuses free-form messages outside the window, so
 * 131047 is the exception, not the rule.
 *
 * <p>Thread-safe; keeps no per-message state.
 */
public final class WhatsAppConnector implements ChannelConnector {
  /** The signature header of every delivery. */
  public static final String SIGNATURE_HEADER = MetaWebhook.SIGNATURE_HEADER;

  private final WhatsAppConfig config;
  private final GraphApi graph;
  private final WhatsAppSender sender;

  /** A connector for the numbers of {@code config}, on the system clock (for Retry-After dates). */
  public WhatsAppConnector(WhatsAppConfig config) {
    this(config, Clock.systemUTC());
  }

  /** A connector whose Retry-After dates are read against {@code clock}. */
  public WhatsAppConnector(WhatsAppConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    HttpClient http = GraphApi.client(config.http());
    this.graph = new GraphApi(
        http, config.graphBaseUrl(), config.apiVersion(), config.http().requestTimeout());
    this.sender = new WhatsAppSender(Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public ChannelType type() {
    return ChannelType.WHATSAPP;
  }

  @Override
  public WebhookResult handle(WebhookRequest request, Account account) {
    WhatsAppNumber number = number(account);
    MetaWebhook webhook = new MetaWebhook("WhatsApp", number.appSecret(), number.verifyToken(),
        config.http().maxWebhookBytes());
    Optional<WebhookResponse> handshake = webhook.handshake(request);
    if (handshake.isPresent()) {
      return WebhookResult.handshake(handshake.get());
    }
    JsonNode root = webhook.readDelivery(request);
    return WebhookResult.of(new WebhookParser(api(number)).parse(root, number));
  }

  /** Sends through the account's number; every failure comes back as a {@link SendResult.Failed}. */
  @Override
  public SendResult send(OutboundMessage message, Account account) {
    return config.number(account.id())
        .map(number -> sender.send(api(number), message))
        .orElseGet(() -> SendResult.permanentFailure("no WhatsApp number is configured for account "
            + account.id() + "; add WhatsAppConfig.builder().number(accountId, ...)"));
  }

  private WhatsAppNumber number(Account account) {
    return config.number(account.id()).orElseThrow(() -> new InvalidInputException(
        "no WhatsApp number is configured for account " + account.id()
            + "; add WhatsAppConfig.builder().number(accountId, new WhatsAppNumber(...))"));
  }

  private CloudApi api(WhatsAppNumber number) {
    return new CloudApi(graph, number);
  }
}
