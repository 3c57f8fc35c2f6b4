package io.openchannel.adapters.facebook;

import io.openchannel.account.Account;
import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import java.util.Map;
import java.util.Optional;

/** The connector kit for Instagram, against the fake Graph API on loopback. */
class InstagramContractTest extends MetaConnectorContract {
  InstagramContractTest() {
    super(FacebookFixtures.IG_TOKEN, InstagramConnector::new);
  }

  @Override
  protected Account account() {
    return FacebookFixtures.IG_ACCOUNT;
  }

  @Override
  protected WebhookRequest validDelivery() {
    return FacebookFixtures.delivery("instagram");
  }

  @Override
  protected OutboundMessage outbound() {
    return FacebookFixtures.text(FacebookFixtures.IG, "6543210987654321", "Ciao Lena 👋", Optional.empty());
  }

  @Override
  protected void platformFailsNextTransiently() {
    fake.answerNext(400, FakeGraph.error(4, 0, "Application request limit reached"),
        Map.of("X-Business-Use-Case-Usage", "{\"17841400000000001\":[{\"type\":\"instagram\","
            + "\"estimated_time_to_regain_access\":3}]}"));
  }

  @Override
  protected void platformRefusesNext() {
    fake.failNext(400, 10, 2534022, "This message is sent outside of allowed window.");
  }
}
