package io.openchannel.examples.serve;

import io.openchannel.OpenChannel;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.adapters.facebook.FacebookConfig;
import io.openchannel.adapters.facebook.MessengerConnector;
import io.openchannel.adapters.telegram.TelegramConfig;
import io.openchannel.adapters.telegram.TelegramConnector;
import io.openchannel.adapters.webhook.GenericWebhookConfig;
import io.openchannel.adapters.webhook.GenericWebhookConnector;
import io.openchannel.adapters.whatsapp.WhatsAppConfig;
import io.openchannel.adapters.whatsapp.WhatsAppConnector;
import io.openchannel.adapters.whatsapp.WhatsAppNumber;
import io.openchannel.event.EventListener;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Presence;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.RoutingStrategy;
import io.openchannel.spi.store.BlobStore;
import io.openchannel.spi.store.Store;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

/**
 * The engine {@code serve} runs: on the store it is given, with the generic webhook, Telegram,
 * WhatsApp and Messenger connectors, the accounts {@code web}, {@code tg}, {@code wa} and
 * {@code fb} routing to one queue of two available agents, so that every new conversation is
 * offered to an agent (S8). Accounts and agents an earlier run stored are kept as they are. Plain
 * public API, as a host would write it.
 */
final class ServeEngine {
  static final AccountId WEB = AccountId.of("web");
  static final AccountId TG = AccountId.of("tg");
  static final AccountId WA = AccountId.of("wa");
  static final AccountId FB = AccountId.of("fb");
  static final QueueId SUPPORT = QueueId.of("support");
  static final List<AgentId> AGENTS = List.of(AgentId.of("ann"), AgentId.of("ben"));

  private ServeEngine() {}

  /**
   * Builds the engine and creates its accounts, agents and queue.
   *
   * @param store where the engine keeps its state
   * @param self this server's base URL, for the generic account's fake Reply URL
   * @param telegramApi the Bot API base URL: the fake on this server unless told otherwise
   * @param whatsApp the {@code wa} account's number, token and webhook secrets
   * @param graphApi the Graph API base URL: the fake on this server unless told otherwise
   * @param messenger the {@code fb} account's Meta app and Page
   */
  static OpenChannel open(Store store, String self, String genericSecret, String telegramToken,
      String telegramSecret, String telegramApi, WhatsAppNumber whatsApp, String graphApi,
      Messenger messenger, List<EventListener> listeners) {
    // HTTP/1.1: the JDK's server does not speak h2c, so the client need not try an upgrade.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    var builder = OpenChannel.builder()
        .store(store)
        .blobStore(BlobStore.inMemory())
        .connector(new GenericWebhookConnector(
            GenericWebhookConfig.builder(genericSecret).httpClient(http).build()))
        .connector(new TelegramConnector(TelegramConfig.builder()
            .bot(TG, telegramToken, telegramSecret)
            .apiBaseUrl(telegramApi)
            .httpClient(http)
            .build()))
        .connector(new WhatsAppConnector(WhatsAppConfig.builder()
            .number(WA, whatsApp)
            .graphBaseUrl(graphApi)
            .httpClient(http)
            .build()))
        .connector(new MessengerConnector(
            FacebookConfig.builder(messenger.appSecret(), messenger.verifyToken())
                .page(FB, messenger.pageId(), messenger.pageToken())
                .graphBaseUrl(graphApi)
                .httpClient(http)
                .build()));
    listeners.forEach(builder::listener);
    OpenChannel oc = builder.build();
    for (AgentId agent : AGENTS) {
      if (oc.agents().find(agent).isPresent()) {
        continue; // stored by an earlier run on the same database
      }
      oc.agents().create(Agent.of(agent, name(agent))
          .withPresence(Presence.AVAILABLE)   // without it, routing offers the agent nothing
          .withCapacity(Map.of(ChannelType.GENERIC, 3, ChannelType.TELEGRAM, 3,
              ChannelType.WHATSAPP, 3, ChannelType.FACEBOOK_MESSENGER, 3)));
    }
    oc.queues().create(Queue.of(SUPPORT, "Support",
            AGENTS.stream().map(QueueMember::of).toList())
        .withStrategy(RoutingStrategy.ROUND_ROBIN));
    createUnlessStored(oc, Account.of(WEB, ChannelType.GENERIC, "Website chat",
        AccountSettings.builder()
            .replyUrl(self + FakePlatforms.REPLY_PATH)
            .mapKey("phone")
            .queue(SUPPORT)
            .build()));
    // The Telegram connector ignores the Reply URL, but the engine lets agents reply only on
    // accounts that have one (S25): the API base says where replies go.
    createUnlessStored(oc, Account.of(TG, ChannelType.TELEGRAM, "Telegram bot",
        AccountSettings.builder().replyUrl(telegramApi).queue(SUPPORT).build()));
    createUnlessStored(oc, Account.of(WA, ChannelType.WHATSAPP, "WhatsApp number",
        AccountSettings.builder().replyUrl(graphApi).queue(SUPPORT).build()));
    createUnlessStored(oc, Account.of(FB, ChannelType.FACEBOOK_MESSENGER, "Facebook Page",
        AccountSettings.builder().replyUrl(graphApi).queue(SUPPORT).build()));
    return oc;
  }

  /** The {@code fb} account's Meta app (secret, verify token) and Page (id, access token). */
  record Messenger(String appSecret, String verifyToken, String pageId, String pageToken) {}

  /** Creates the account, or brings a stored one's settings up to date (the port may differ). */
  private static void createUnlessStored(OpenChannel oc, Account account) {
    oc.accounts().find(account.id()).ifPresentOrElse(
        stored -> oc.accounts().update(account.withVersion(stored.version())),
        () -> oc.accounts().create(account));
  }

  private static String name(AgentId agent) {
    return agent.value().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
        + agent.value().substring(1);
  }
}
