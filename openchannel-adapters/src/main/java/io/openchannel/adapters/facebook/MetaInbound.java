package io.openchannel.adapters.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.InvalidInputException;
import io.openchannel.account.Account;
import io.openchannel.adapters.internal.meta.MetaWebhook;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResponse;
import io.openchannel.spi.channel.WebhookResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The inbound path the Meta connectors share: find the account's Page or Instagram account,
 * answer the subscription handshake, verify the signature, then hand each entry of that account
 * to the connector's parser.
 *
 * <p>Meta sends every Page's (or Instagram account's) events of an app to one callback URL, so a
 * host may hand the same delivery to several accounts. Entries of other Pages, deliveries for
 * another {@code object} ({@code "instagram"} to a Messenger account, WhatsApp's) and fields the
 * connector does not handle are acknowledged and skipped, never refused: a refusal would make Meta
 * redeliver, and after enough failures disable the subscription.
 */
final class MetaInbound {
  private final FacebookConfig config;
  private final MetaWebhook webhook;
  private final String channel;
  private final String object;

  MetaInbound(FacebookConfig config, String channel, String object) {
    this.config = config;
    this.webhook = new MetaWebhook(channel, config.appSecret(), config.verifyToken(),
        config.http().maxWebhookBytes());
    this.channel = channel;
    this.object = object;
  }

  WebhookResult handle(WebhookRequest request, Account account,
      BiFunction<JsonNode, MetaAccount, List<InboundEvent>> perEntry) {
    MetaAccount meta = account(account);
    Optional<WebhookResponse> handshake = webhook.handshake(request);
    if (handshake.isPresent()) {
      return WebhookResult.handshake(handshake.get());
    }
    JsonNode root = webhook.readDelivery(request);
    if (!root.path("object").isTextual() || !root.path("entry").isArray()) {
      throw new InvalidInputException("a " + channel + " webhook delivery has \"object\" and an"
          + " \"entry\" array; this body has " + (root.has("object") ? "no entry array" : "no object"));
    }
    List<InboundEvent> events = new ArrayList<>();
    if (root.path("object").asText().equals(object)) {
      for (JsonNode entry : root.path("entry")) {
        if (Ids.of(entry.path("id")).filter(meta.id()::equals).isPresent()) {
          events.addAll(perEntry.apply(entry, meta));
        }
      }
    }
    return WebhookResult.of(events);
  }

  MetaAccount account(Account account) {
    return config.account(account.id()).orElseThrow(() -> new InvalidInputException(
        "no Meta account is configured for account " + account.id() + "; add FacebookConfig.builder()"
            + (object.equals("instagram") ? ".instagram" : ".page") + "(accountId, id, token)"));
  }

  /** The signature Meta would send for {@code body} with this config's app secret. */
  String sign(byte[] body) {
    return webhook.sign(body);
  }
}
