package io.openchannel.adapters.facebook;

import io.openchannel.account.Account;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import java.util.Optional;

/** The connector kit for Messenger, against the fake Graph API on loopback. */
class MessengerContractTest extends MetaConnectorContract {
  MessengerContractTest() {
    super(FacebookFixtures.PAGE_TOKEN, MessengerConnector::new);
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
  protected OutboundMessage outbound() {
    return FacebookFixtures.text(FacebookFixtures.FB, FacebookFixtures.PSID, "Hello Mia 👋", Optional.empty());
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
