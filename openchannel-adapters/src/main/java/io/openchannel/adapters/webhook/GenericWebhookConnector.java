package io.openchannel.adapters.webhook;

import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.internal.ConfigChecks;
import io.openchannel.internal.util.Checks;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResult;
import java.net.http.HttpClient;
import java.util.List;

/**
 * The generic open channel ({@link ChannelType#GENERIC}), wire-compatible with the reference
 * product's open-channel account so its existing connectors work unchanged.
 *
 * <p><b>Inbound</b>: a {@code POST} of {@code application/json} such as
 * <pre>{@code
 * {"from": "+393331234567", "body": "Ciao 👋", "mapKey": "phone",
 *  "firstName": "Mia", "lastName": "Rossi", "phone": "+393331234567", "threadId": "t-1"}
 * }</pre>
 * authenticated by the configured secret as {@code ?apikey=} or {@code Authorization: Bearer}.
 * {@code from} is the sender; it is also filed under the account's map key (and the field the
 * sender's {@code mapKey} names) so the engine can match the contact. {@code name} stands in for
 * the first name when neither name is given. An {@code AttachmentId} is downloaded lazily from
 * {@link GenericWebhookConfig#attachmentUrlTemplate()}. The format has no message id, so the
 * dedupe key is the sender's {@code messageId} or {@code id}, else an {@code Idempotency-Key}
 * header, else {@code sha256:} of the raw body (a retry is stored once, and so is an identical
 * message sent twice on purpose). Messages are stamped with the config's clock.
 *
 * <p><b>Outbound</b>: a JSON {@code POST} to the account's Reply URL:
 * <pre>{@code
 * {"body": "Hello Mia", "Contact": {"firstName": "Mia", "lastName": "Rossi", "phone": "..."},
 *  "AttachmentId": null, "Interaction": {"id": "...", "threadId": null},
 *  "to": "+393331234567", "messageId": "..."}
 * }</pre>
 * with an {@code Idempotency-Key} header carrying {@code messageId}. 2xx is sent (the answer's
 * JSON {@code id} or {@code messageId} becomes the channel message id, else ours); 429 and 5xx
 * are transient, honouring {@code Retry-After}; other statuses are permanent with the status and
 * an excerpt of the answer; network errors and timeouts are transient. {@code send} never throws
 * for these.
 *
 * <p>Thread-safe and stateless; one instance serves every generic account of an engine.
 */
public final class GenericWebhookConnector implements ChannelConnector {
  private final SharedSecret secret;
  private final InboundParser parser;
  private final ReplySender sender;

  /** A connector configured by {@code config}. */
  public GenericWebhookConnector(GenericWebhookConfig config) {
    Checks.notNull(config, "config");
    HttpClient http = ConfigChecks.client(config.http());
    this.secret = new SharedSecret(config.secret());
    this.parser = new InboundParser(config, new AttachmentFetcher(config, http));
    this.sender = new ReplySender(config, http);
  }

  /** A connector with the default configuration and this shared secret. */
  public static GenericWebhookConnector withSecret(String secret) {
    return new GenericWebhookConnector(GenericWebhookConfig.builder(secret).build());
  }

  @Override
  public ChannelType type() {
    return ChannelType.GENERIC;
  }

  /**
   * Checks the secret, then the envelope and body, and parses the one message.
   *
   * @throws io.openchannel.WebhookVerificationException if the secret is missing or wrong
   * @throws io.openchannel.InvalidInputException if the method, content type, size or JSON is
   *     wrong, or {@code from} or {@code body} is missing
   */
  @Override
  public WebhookResult handle(WebhookRequest request, Account account) {
    Checks.notNull(request, "request");
    Checks.notNull(account, "account");
    secret.verify(request); // first: an unauthenticated caller learns nothing about the format
    return WebhookResult.of(List.of(parser.parse(request, account)));
  }

  /** POSTs the message to the account's Reply URL; see the class comment for the outcomes. */
  @Override
  public SendResult send(OutboundMessage message, Account account) {
    Checks.notNull(message, "message");
    Checks.notNull(account, "account");
    return sender.send(message, account);
  }
}
