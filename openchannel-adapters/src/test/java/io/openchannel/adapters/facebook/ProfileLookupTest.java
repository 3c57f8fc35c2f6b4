package io.openchannel.adapters.facebook;

import static io.openchannel.adapters.facebook.FacebookFixtures.MESSENGER_ACCOUNT;
import static io.openchannel.adapters.facebook.FacebookFixtures.PSID;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.spi.channel.InboundMessage;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Senders' names from the User Profile API, when the config asks for them. */
class ProfileLookupTest {
  private final FakeGraph fake = new FakeGraph(FacebookFixtures.PAGE_TOKEN)
      .rules(r -> r.method().equals("GET") && r.edge().matches("[0-9]+") ? null
          : "expected GET /{psid}, got " + r.method() + " " + r.edge())
      .answers(r -> "{\"first_name\":\"Mia\",\"last_name\":\"Rossi\",\"id\":\"" + r.edge() + "\"}");
  private final MessengerConnector connector = new MessengerConnector(FacebookConfig.builder(
          FacebookFixtures.APP_SECRET, FacebookFixtures.VERIFY_TOKEN)
      .page(FacebookFixtures.FB, FacebookFixtures.PAGE_ID, FacebookFixtures.PAGE_TOKEN)
      .graphBaseUrl(fake.baseUrl()).graphVersion(FakeGraph.VERSION)
      .clock(Clock.fixed(FacebookFixtures.NOW, ZoneOffset.UTC)).fetchProfiles(true).build());

  @AfterEach
  void stop() {
    fake.close();
  }

  private List<InboundMessage> messages(String fixture) {
    return connector.handle(FacebookFixtures.delivery(fixture), MESSENGER_ACCOUNT).events().stream()
        .filter(InboundMessage.class::isInstance).map(InboundMessage.class::cast).toList();
  }

  @Test
  void aNewSendersNameIsAskedOnceAndCached() {
    InboundMessage first = messages("messenger-text").get(0);
    messages("messenger-text");

    assertThat(first.sender().firstName()).contains("Mia");
    assertThat(first.sender().lastName()).contains("Rossi");
    assertThat(fake.received()).hasSize(1);
    assertThat(fake.last().path()).isEqualTo("/v24.0/" + PSID);
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void aFailedLookupLeavesTheSenderKnownByIdAndTheMessageStored() {
    fake.failNext(400, 100, 2018218, "Cannot message users who are not admins, developers or testers");

    List<InboundMessage> messages = messages("messenger-text");

    assertThat(messages).singleElement().satisfies(m -> {
      assertThat(m.sender().externalId()).isEqualTo(PSID);
      assertThat(m.sender().firstName()).isEmpty();
    });
  }

  @Test
  void receiptsAndEchoesCostNoLookup() {
    String onlyReceipts = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + FacebookFixtures.PAGE_ID
        + "\",\"messaging\":[{\"sender\":{\"id\":\"" + PSID + "\"},\"timestamp\":1,\"read\":{\"watermark\":2}},"
        + "{\"sender\":{\"id\":\"" + PSID + "\"},\"message\":{\"mid\":\"m_e\",\"is_echo\":true,\"text\":\"x\"}}]}]}";

    connector.handle(FacebookFixtures.signed(onlyReceipts), MESSENGER_ACCOUNT);

    assertThat(fake.received()).isEmpty();
  }
}
