package io.openchannel.adapters.facebook;

import io.openchannel.account.Account;
import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.tck.ChannelConnectorContract;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The connector kit for Messenger, against the fake Graph API on loopback. */
class MessengerContractTest extends ChannelConnectorContract {
  private final FakeGraph fake = SendApiRules.install(new FakeGraph(FacebookFixtures.PAGE_TOKEN));
  private final MessengerConnector connector = new MessengerConnector(FacebookFixtures.config(fake));

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
    return FacebookFixtures.MESSENGER_ACCOUNT;
  }

  @Override
  protected WebhookRequest validDelivery() {
    return FacebookFixtures.delivery("messenger-batch");
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
  protected OutboundMessage outbound() {
    return FacebookFixtures.text(FacebookFixtures.FB, FacebookFixtures.PSID, "Hello Mia 👋", Optional.empty());
  }

  @Override
  protected void platformAcceptsNext() {
    // the fake accepts unless told otherwise
  }

  @Override
  protected void platformFailsNextTransiently() {
    fake.failNext(503, 2, 0, "An unexpected error has occurred. Please retry your request later.");
  }

  @Override
  protected void platformRefusesNext() {
    fake.failNext(400, 551, 1545041, "This person isn't available right now.");
  }
}
