package io.openchannel.adapters.teams;

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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Microsoft Teams connector, through Bot Framework. Register it with
 * {@code OpenChannel.builder().connector(...)}; it serves every {@link ChannelType#TEAMS} account
 * that has a bot in its {@link TeamsConfig}.
 *
 * <p><b>Inbound.</b> Point the bot's messaging endpoint at the host's webhook endpoint. Every
 * activity carries {@code Authorization: Bearer <JWT>}, checked with Nimbus JOSE against the
 * {@link BotFrameworkKeys} the host supplies: RS256 only, issuer {@code https://api.botframework.com},
 * audience the bot's App ID, {@code exp}/{@code nbf} within the configured skew of the config's
 * clock, the {@code serviceUrl} claim equal to the activity's, and the key endorsed for the
 * activity's {@code channelId}. Any failure is a {@link WebhookVerificationException} and nothing
 * is stored. Then:
 * <ul>
 *   <li>a {@code message} becomes an {@code InboundMessage} with id {@code <conversation.id>|<id>}
 *       (activity ids are unique only within a conversation); the sender is {@code from.id}, named
 *       from {@code from.name}, with {@code aadObjectId} as a contact field; an @-mention of the
 *       bot is removed from the text;
 *   <li><b>conversation key</b>: the address is the user ({@code from.id}) and the thread is the
 *       Teams {@code conversation.id}, which is where replies are posted. A personal chat is
 *       {@code PRIVATE}; a group chat or channel thread is {@code PUBLIC} (others read the replies),
 *       one interaction per person and chat, so one user's personal and group conversations are
 *       one contact with separate interactions;
 *   <li>files ({@code application/vnd.microsoft.teams.file.download.info}) are fetched from their
 *       pre-authenticated {@code downloadUrl} without our token; inline images from their
 *       {@code contentUrl}, with the bot's token only when it is on the activity's service host.
 *       The first file rides with the text, further ones become messages {@code <id>#2}, ... ;
 *   <li>{@code conversationUpdate}, {@code messageReaction}, {@code typing}, {@code invoke},
 *       {@code installationUpdate} and other kinds are acknowledged with 200 and nothing stored.
 * </ul>
 * Every verified activity's {@code serviceUrl}, and a message's id, are remembered for its
 * conversation in {@link TeamsConfig#conversationReferences()}. Bodies that are not JSON, not {@code application/json}, not
 * POSTed or larger than {@link TeamsConfig#http()}'s {@code maxWebhookBytes} are {@link InvalidInputException}s.
 *
 * <p><b>Outbound.</b> Text is posted as a reply to the customer's last message,
 * {@code {serviceUrl}/v3/conversations/{thread}/activities/{activityId}} with {@code replyToId}
 * (or into the conversation, {@code .../activities}, when that is not known), with a
 * client-credentials token (scope {@code https://api.botframework.com/.default}) cached
 * until five minutes before it expires and renewed once on a 401. The serviceUrl is the
 * remembered one, else {@link TeamsConfig#defaultServiceUrl()}; it must be https (http only on
 * loopback) so the token never goes to an arbitrary host. 429 and 5xx are transient (honouring
 * {@code Retry-After}); 413 {@code MessageSizeTooBig}, 403, 404 and other errors are permanent
 * with Teams' code and message. Files and templates are refused as permanent failures.
 *
 * <p>Thread-safe. It keeps the token cache and, unless the host supplies its own
 * {@link ConversationReferences}, the conversations' service URLs in memory.
 */
public final class TeamsConnector implements ChannelConnector {

  private final TeamsConfig config;
  private final HttpClient http;
  private final AccessTokens tokens;
  private final TeamsSender sender;

  /** A connector for the bots of {@code config}. */
  public TeamsConnector(TeamsConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.http = ConfigChecks.client(config.http());
    this.tokens = new AccessTokens(http, config);
    this.sender = new TeamsSender(http, config, tokens);
  }

  @Override
  public ChannelType type() {
    return ChannelType.TEAMS;
  }

  /**
   * Verifies the token, then the envelope, and parses the activity.
   *
   * @throws WebhookVerificationException if the token is missing, malformed, badly signed, for
   *     another bot or issuer, out of its time, or does not match the activity
   * @throws InvalidInputException if the account has no bot, or the method, content type, size or
   *     JSON is wrong
   */
  @Override
  public WebhookResult handle(WebhookRequest request, Account account) {
    TeamsBot bot = config.bot(account.id()).orElseThrow(() -> new InvalidInputException(
        "no Teams bot is configured for account " + account.id()
            + "; add TeamsConfig.builder(keys).bot(accountId, appId, appPassword)"));
    InboundToken.Verified token = InboundToken.verify(request.header("Authorization"), bot, config);
    if (!request.method().equals("POST")) {
      throw new InvalidInputException("Bot Framework delivers activities by POST, got " + request.method());
    }
    JsonNode activity = JsonWebhookBody.readObject(request, config.http().maxWebhookBytes(),
        "the activity", "TeamsConfig http maxWebhookBytes");
    ActivityParser.Route route = ActivityParser.route(activity);
    token.requireMatches(route.serviceUrl().toString(),
        Optional.ofNullable(activity.get("channelId")).filter(JsonNode::isTextual).map(JsonNode::asText));
    SafeUrls.requireHttps(route.serviceUrl(), "the activity's serviceUrl");
    WebhookResult result = WebhookResult.of(new ActivityParser((url, withToken) ->
        download(url, withToken ? Optional.of(bot) : Optional.empty()), config.clock())
        .parse(activity, route));
    remember(account, route, activity);
    return result;
  }

  /**
   * A message is what replies answer; other activities (a member added, a reaction) only refresh
   * the serviceUrl and keep the message answered so far.
   */
  private void remember(Account account, ActivityParser.Route route, JsonNode activity) {
    ConversationReferences references = config.conversationReferences();
    Optional<String> replyTo = "message".equals(activity.path("type").asText())
        ? Optional.ofNullable(activity.get("id")).filter(JsonNode::isTextual).map(JsonNode::asText)
            .filter(id -> !id.isBlank())
        : references.find(account.id(), route.conversationId()).flatMap(ConversationReferences.Reference::replyToId);
    references.remember(account.id(), route.conversationId(),
        new ConversationReferences.Reference(route.serviceUrl(), replyTo));
  }

  /**
   * Posts the text into the interaction's Teams conversation; a missing bot, an unsafe or
   * unknown conversation and every platform error come back as a {@link SendResult.Failed}.
   */
  @Override
  public SendResult send(OutboundMessage message, Account account) {
    return config.bot(account.id())
        .map(bot -> sender.send(message, account.id(), bot))
        .orElseGet(() -> SendResult.permanentFailure("no Teams bot is configured for account "
            + account.id()));
  }

  /** Opens a file lazily, when the engine asks for the bytes of a new message. */
  private Supplier<InputStream> download(URI url, Optional<TeamsBot> bot) {
    return () -> {
      try {
        HttpRequest.Builder get = HttpRequest.newBuilder(url).timeout(config.http().requestTimeout()).GET();
        if (bot.isPresent()) {
          get.header("Authorization", "Bearer " + tokens.token(bot.get()));
        }
        HttpResponse<InputStream> response = http.send(get.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
          response.body().close();
          throw new IOException("downloading a Teams file from " + url.getHost() + " answered "
              + response.statusCode());
        }
        return response.body();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException("interrupted while downloading a Teams file", e));
      }
    };
  }
}
