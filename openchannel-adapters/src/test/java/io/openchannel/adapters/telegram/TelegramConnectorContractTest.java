package io.openchannel.adapters.telegram;

import static io.openchannel.adapters.telegram.TelegramFixtures.ACCOUNT;

import io.openchannel.account.Account;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.tck.ChannelConnectorContract;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;

/** The connector kit, against the fake Bot API on loopback. */
class TelegramConnectorContractTest extends ChannelConnectorContract {
  private final FakeTelegram fake = new FakeTelegram();
  private final TelegramConnector connector = TelegramFixtures.connector(fake);

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
    return TelegramFixtures.update("text");
  }

  @Override
  protected WebhookRequest withoutSignature(WebhookRequest request) {
    TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(request.headers());
    headers.remove(TelegramConnector.SECRET_HEADER);
    return new WebhookRequest(request.method(), request.path(), request.query(), headers, request.body());
  }

  /**
   * Telegram authenticates a webhook by a shared secret in a header, not by a signature over the
   * body: a changed body with the right secret cannot be told apart, so the kit skips this case.
   * TLS to the host's endpoint is what protects the body in transit.
   */
  @Override
  protected WebhookRequest tampered(WebhookRequest signed) {
    return null;
  }

  @Override
  protected OutboundMessage outbound() {
    return TelegramFixtures.text("5012345678", "Hello Layla 👋");
  }

  @Override
  protected void platformAcceptsNext() {
    // the fake accepts unless told otherwise
  }

  @Override
  protected void platformFailsNextTransiently() {
    fake.failNext(429, "Too Many Requests: retry after 7", 7);
  }

  @Override
  protected void platformRefusesNext() {
    fake.failNext(403, "Forbidden: bot was blocked by the user", null);
  }
}
