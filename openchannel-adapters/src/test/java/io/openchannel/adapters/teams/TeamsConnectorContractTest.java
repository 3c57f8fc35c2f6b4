package io.openchannel.adapters.teams;

import static io.openchannel.adapters.teams.TeamsFixtures.ACCOUNT;

import io.openchannel.account.Account;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.tck.ChannelConnectorContract;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;

/** The connector kit, against the fake Bot Framework on loopback. */
class TeamsConnectorContractTest extends ChannelConnectorContract {
  private final FakeBotFramework fake = new FakeBotFramework();
  private final TeamsConnector connector = TeamsFixtures.connector(fake, TeamsFixtures.clock());

  @AfterEach
  void stop() {
    fake.close();
  }

  @Override
  protected ChannelConnector connector() {
    return connector;
  }

  @Override
  protected Account account() {
    return ACCOUNT;
  }

  @Override
  protected WebhookRequest validDelivery() {
    return TeamsFixtures.activity("personal-text", fake);
  }

  @Override
  protected WebhookRequest withoutSignature(WebhookRequest request) {
    TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(request.headers());
    headers.remove("Authorization");
    return new WebhookRequest(request.method(), request.path(), request.query(), headers, request.body());
  }

  /**
   * Bot Framework's token signs the activity's serviceUrl, not its bytes: a body changed to send
   * our replies (and our token) elsewhere is what a tamperer would want, and is refused.
   */
  @Override
  protected WebhookRequest tampered(WebhookRequest signed) {
    String body = signed.bodyText().replace(fake.serviceUrl(), "https://evil.example/");
    return new WebhookRequest(signed.method(), signed.path(), signed.query(), signed.headers(),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected OutboundMessage outbound() {
    return TeamsFixtures.text(TeamsFixtures.PERSONAL, "Hello Megan 👋");
  }

  @Override
  protected void platformAcceptsNext() {
    // the fake accepts unless told otherwise
  }

  @Override
  protected void platformFailsNextTransiently() {
    fake.failNext(429, "Throttled", "slow down", "3");
  }

  @Override
  protected void platformRefusesNext() {
    fake.failNext(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.", null);
  }
}
