package io.openchannel.adapters.whatsapp;

import io.openchannel.account.Account;
import io.openchannel.adapters.internal.meta.MetaWebhook;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.tck.ChannelConnectorContract;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;

/** The connector kit, against the fake Cloud API on loopback. */
class WhatsAppConnectorContractTest extends ChannelConnectorContract {
  private final FakeCloudApi fake = new FakeCloudApi();
  private final WhatsAppConnector connector = WhatsAppFixtures.connector(fake);

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
    return WhatsAppFixtures.ACCOUNT;
  }

  @Override
  protected WebhookRequest validDelivery() {
    return WhatsAppFixtures.delivery("batch");
  }

  @Override
  protected WebhookRequest withoutSignature(WebhookRequest request) {
    TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(request.headers());
    headers.remove(MetaWebhook.SIGNATURE_HEADER);
    return new WebhookRequest(request.method(), request.path(), request.query(), headers, request.body());
  }

  /** Signs the garbage, so that it is the parser that must refuse it. */
  @Override
  protected WebhookRequest resign(WebhookRequest request) {
    WebhookRequest signed = WhatsAppFixtures.signed(request.bodyText());
    return new WebhookRequest(request.method(), request.path(), request.query(),
        Map.of("Content-Type", List.of("application/json"), MetaWebhook.SIGNATURE_HEADER,
            List.of(signed.header(MetaWebhook.SIGNATURE_HEADER).orElseThrow())), request.body());
  }

  @Override
  protected OutboundMessage outbound() {
    return WhatsAppFixtures.text(WhatsAppFixtures.LAYLA, "Hello Layla 👋");
  }

  @Override
  protected void platformAcceptsNext() {
    // the fake accepts unless told otherwise
  }

  @Override
  protected void platformFailsNextTransiently() {
    fake.failNext(429, 130429, "Rate limit hit", "Cloud API message throughput has been reached.",
        Map.of("Retry-After", "7"));
  }

  @Override
  protected void platformRefusesNext() {
    fake.failNext(400, 131026, "Message undeliverable", "Message Undeliverable.", Map.of());
  }
}
