package io.openchannel.adapters.twitter;

import static io.openchannel.adapters.twitter.XFixtures.ACCOUNT;

import io.openchannel.account.Account;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.tck.ChannelConnectorContract;
import io.openchannel.tck.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;

/** The connector kit, against the fake X API on loopback. */
class XConnectorContractTest extends ChannelConnectorContract {
  private final FakeX fake = new FakeX();
  private final XConnector connector = XFixtures.connector(fake, new ManualClock(XFixtures.NOW));

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
    return XFixtures.delivery("batch", fake);
  }

  @Override
  protected WebhookRequest withoutSignature(WebhookRequest request) {
    TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(request.headers());
    headers.remove(XConnector.SIGNATURE_HEADER);
    return new WebhookRequest(request.method(), request.path(), request.query(), headers, request.body());
  }

  @Override
  protected WebhookRequest resign(WebhookRequest request) {
    return XFixtures.signed(request.bodyText());
  }

  @Override
  protected OutboundMessage outbound() {
    return XFixtures.text(XFixtures.LAYLA, "Hello Layla 👋");
  }

  @Override
  protected void platformAcceptsNext() {
    // the fake accepts unless told otherwise
  }

  @Override
  protected void platformFailsNextTransiently() {
    fake.failNext(429, "{\"title\":\"Too Many Requests\"}",
        Map.of("x-rate-limit-reset", Long.toString(XFixtures.NOW.getEpochSecond() + 60)));
  }

  @Override
  protected void platformRefusesNext() {
    fake.failNext(403, "{\"title\":\"Forbidden\",\"detail\":\"You cannot send messages to this user.\"}", Map.of());
  }
}
