package io.openchannel.adapters.facebook;

import io.openchannel.account.Account;
import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import java.util.Map;

/** The connector kit for Facebook Page comments, against the fake Graph API on loopback. */
class PageFeedContractTest extends MetaConnectorContract {
  PageFeedContractTest() {
    super(FacebookFixtures.PAGE_TOKEN, PageFeedConnector::new);
  }

  @Override
  protected Account account() {
    return FacebookFixtures.PAGE_ACCOUNT;
  }

  @Override
  protected WebhookRequest validDelivery() {
    return FacebookFixtures.delivery("page-feed");
  }

  @Override
  protected OutboundMessage outbound() {
    return FacebookFixtures.publicText(FacebookFixtures.PAGE, "26458393011122334",
        "987654321098765_1122334455667788", "Thanks Mia!");
  }

  @Override
  protected void platformFailsNextTransiently() {
    fake.answerNext(429, FakeGraph.error(32, 0, "Page request limit reached"), Map.of("Retry-After", "60"));
  }

  @Override
  protected void platformRefusesNext() {
    fake.failNext(400, 100, 33, "Unsupported post request. Object with ID does not exist");
  }
}
