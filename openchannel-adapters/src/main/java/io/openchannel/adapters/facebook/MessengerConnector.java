package io.openchannel.adapters.facebook;

import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResult;
import java.util.Objects;
import java.util.Optional;

/**
 * The Facebook Messenger connector: private conversations between customers (by Page-scoped id,
 * PSID) and a Page. Register it with {@code OpenChannel.builder().connector(...)}; it serves every
 * {@link ChannelType#FACEBOOK_MESSENGER} account that has a Page in its {@link FacebookConfig}.
 *
 * <p><b>Inbound.</b> Subscribe the app's Page webhook to {@code messages},
 * {@code message_deliveries}, {@code message_reads} and {@code message_echoes} with the host's
 * endpoint and the config's verify token. The {@code GET} handshake is answered with the
 * challenge; every {@code POST} must carry a valid {@code X-Hub-Signature-256}, else
 * {@link io.openchannel.WebhookVerificationException} and nothing is stored. Of
 * {@code object:"page"} deliveries, the entries of this account's Page are read (several entries
 * and several {@code messaging[]} items each): customer messages, delivery and read receipts with
 * their watermarks. Several files in one message become one message each ({@code mid},
 * {@code mid#1}...); links become text; a quick reply keeps its text (the button's title), while
 * its payload and {@code reply_to} are not kept (the engine has no field for them); the 2026
 * sticker transition's image copy is dropped. Echoes (the Page's own messages: ours already have
 * their id from the send) and postbacks, reactions, referrals and opt-ins are acknowledged and not
 * stored. A customer's name is not in the webhook: the contact is created with the PSID only,
 * unless {@link FacebookConfig.Builder#fetchProfiles} asks the User Profile API for it.
 *
 * <p><b>Standby.</b> Events in {@code standby[]} arrive when another app (typically a bot) owns
 * the thread under the handover protocol. They are acknowledged and not stored: storing them
 * would open interactions and offer them to agents who cannot answer (the Send API refuses a
 * non-owner), while the bot is still talking. When the bot passes thread control, the customer's
 * next messages arrive in {@code messaging[]} and open the interaction as usual.
 *
 * <p><b>Outbound.</b> {@code POST /{page-id}/messages} with the Page token, the messaging type and
 * tag the channel policy chose ({@code RESPONSE}, {@code UPDATE}, {@code MESSAGE_TAG} +
 * {@code HUMAN_AGENT}) and the text, or the file uploaded as multipart {@code filedata} with any
 * text following as a second message (Meta's files have no caption). Errors are classified,
 * never thrown ({@link io.openchannel.adapters.internal.meta.GraphErrors}): rate limits and 5xx are retried,
 * "outside the allowed window" is a policy failure, a blocked or unavailable person permanent.
 *
 * <p>Thread-safe; keeps no per-message state.
 */
public final class MessengerConnector implements ChannelConnector {
  private final FacebookConfig config;
  private final MetaInbound inbound;
  private final MessagingParser parser;
  private final MessengerSender sender;

  /** A connector for the Pages of {@code config}. */
  public MessengerConnector(FacebookConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    var api = config.graphApi();
    this.inbound = new MetaInbound(config, "Messenger", "page");
    this.parser = new MessagingParser(api, config.clock(), config.fetchProfiles()
        ? Optional.of(new ProfileLookup(config.graphApi(ProfileLookup.TIMEOUT), false)) : Optional.empty());
    this.sender = new MessengerSender(api, config.clock(), "Messenger");
  }

  @Override
  public ChannelType type() {
    return ChannelType.FACEBOOK_MESSENGER;
  }

  @Override
  public WebhookResult handle(WebhookRequest request, Account account) {
    return inbound.handle(request, account, (entry, page) -> parser.parse(entry, page));
  }

  @Override
  public SendResult send(OutboundMessage message, Account account) {
    return config.account(account.id()).map(page -> sender.send(page, message))
        .orElseGet(() -> SendResult.permanentFailure("no Facebook Page is configured for account "
            + account.id() + "; add FacebookConfig.builder().page(accountId, pageId, token)"));
  }
}
