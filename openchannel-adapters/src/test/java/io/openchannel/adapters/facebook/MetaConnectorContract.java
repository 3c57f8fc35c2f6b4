package io.openchannel.adapters.facebook;

import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.tck.ChannelConnectorContract;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;

/**
 * The connector kit as the Meta connectors run it: one app config, the fake Graph API on loopback
 * with the Send API's rules, and Meta's webhook signature. Each connector's test names its token,
 * account, delivery, message and failures.
 */
abstract class MetaConnectorContract extends ChannelConnectorContract {
  /** The Graph API the connector calls. */
  protected final FakeGraph fake;
  private final ChannelConnector connector;

  MetaConnectorContract(String token, Function<FacebookConfig, ChannelConnector> connector) {
    this.fake = SendApiRules.install(new FakeGraph(token));
    this.connector = connector.apply(FacebookFixtures.config(fake));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Override
  protected ChannelConnector connector() {
    return connector;
  }

  @Override
  protected WebhookRequest withoutSignature(WebhookRequest request) {
    return FacebookFixtures.withoutSignature(request);
  }

  @Override
  protected WebhookRequest resign(WebhookRequest request) {
    return FacebookFixtures.signed(new String(request.body(), StandardCharsets.UTF_8));
  }

  @Override
  protected void platformAcceptsNext() {
    // the fake accepts unless told otherwise
  }
}
