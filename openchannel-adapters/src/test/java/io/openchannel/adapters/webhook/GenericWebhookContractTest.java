package io.openchannel.adapters.webhook;

import io.openchannel.account.Account;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.tck.ChannelConnectorContract;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;

/** The generic connector passes the connector contract kit against a fake Reply URL. */
class GenericWebhookContractTest extends ChannelConnectorContract {
  private final FakeReplyServer server = new FakeReplyServer();
  private final GenericWebhookConnector connector =
      new GenericWebhookConnector(GenericFixtures.config(server).build());
  private final Account account = GenericFixtures.account(server.url() + "/reply", "phone");

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Override
  protected ChannelConnector connector() {
    return connector;
  }

  @Override
  protected Account account() {
    return account;
  }

  @Override
  protected WebhookRequest validDelivery() {
    return GenericFixtures.withApiKey(GenericFixtures.fixture("full.json"));
  }

  @Override
  protected WebhookRequest withoutSignature(WebhookRequest request) {
    TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(request.headers());
    headers.remove("Authorization");
    return new WebhookRequest(request.method(), request.path(), Map.of(), headers, request.body());
  }

  /** The secret is shared, not a signature over the body: there is nothing to tamper with. */
  @Override
  protected WebhookRequest tampered(WebhookRequest signed) {
    return null;
  }

  @Override
  protected OutboundMessage outbound() {
    return GenericFixtures.reply(account, "Hello Mia");
  }

  @Override
  protected void platformAcceptsNext() {
    server.answer(200, "{\"id\":\"ext-1\"}");
  }

  @Override
  protected void platformFailsNextTransiently() {
    server.answer(503, "busy", Map.of("Retry-After", "7"));
  }

  @Override
  protected void platformRefusesNext() {
    server.answer(400, "{\"error\":\"unknown recipient\"}");
  }
}
