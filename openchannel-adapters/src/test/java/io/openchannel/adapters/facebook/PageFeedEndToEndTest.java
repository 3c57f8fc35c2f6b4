package io.openchannel.adapters.facebook;

import static io.openchannel.adapters.facebook.FacebookFixtures.PAGE;
import static io.openchannel.adapters.facebook.FacebookFixtures.PAGE_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.OpenChannel;
import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.tck.DeterministicScheduler;
import io.openchannel.tck.ManualClock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Page comments through the engine: public interactions per thread, public replies out. */
class PageFeedEndToEndTest {
  private static final AgentId ANN = AgentId.of("ann");
  private static final String MIA = "26458393011122334";
  private static final String COMMENT = "987654321098765_1122334455667788";

  private final FakeGraph fake = SendApiRules.install(new FakeGraph(FacebookFixtures.PAGE_TOKEN));
  private final DeterministicScheduler scheduler =
      new DeterministicScheduler(new ManualClock(FacebookFixtures.NOW));
  private final OpenChannel oc = OpenChannel.builder().clock(scheduler.clock()).scheduler(scheduler)
      .connector(new PageFeedConnector(FacebookFixtures.config(fake, scheduler.clock()))).build();

  PageFeedEndToEndTest() {
    oc.accounts().create(PAGE_ACCOUNT);
    oc.agents().create(Agent.of(ANN, "Ann").withAccounts(Set.of(PAGE)));
  }

  @AfterEach
  void stop() {
    oc.close();
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void aCommentThreadIsOnePublicInteractionAndTheReplyIsACommentInIt() {
    fake.file("/v/t39.1997-6/broken_kettle_n.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
    oc.handleWebhook(PAGE, FacebookFixtures.deliveryVia("page-feed", fake));
    var mia = oc.contacts().findByIdentity(ChannelIdentity.of(PAGE, MIA)).orElseThrow();
    List<Interaction> interactions = oc.interactions().ofContact(mia.id());
    assertThat(interactions).singleElement().satisfies(i -> assertThat(i.visibility()).isEqualTo(Visibility.PUBLIC));
    Interaction thread = interactions.get(0);
    assertThat(oc.interactions().messages(thread.id())).extracting(Message::text)
        .containsExactly("Is the blue kettle back in stock? 🫖", "Also: ship to Lugano?");
    oc.assign(thread.id(), ANN);

    Message reply = oc.desk(ANN).sendText(thread.id(), "Yes, and we ship to Switzerland 🇨🇭");
    scheduler.runDue();

    assertThat(fake.last().path()).isEqualTo("/v24.0/" + COMMENT + "/comments");
    Message stored = oc.interactions().messages(thread.id()).stream()
        .filter(m -> m.id().equals(reply.id())).findFirst().orElseThrow();
    assertThat(stored.deliveryStatus()).contains(DeliveryStatus.SENT);
    assertThat(stored.channelMessageId()).contains(COMMENT + "_1001");
  }

  @Test
  void everyCommenterGetsTheirOwnPublicInteractionWithTheirName() {
    fake.file("/v/t39.1997-6/broken_kettle_n.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
    oc.handleWebhook(PAGE, FacebookFixtures.deliveryVia("page-feed", fake));

    var yael = oc.contacts().findByIdentity(ChannelIdentity.of(PAGE, "31000000000000042")).orElseThrow();
    assertThat(yael.firstName()).contains("יעל");
    assertThat(oc.interactions().ofContact(yael.id())).singleElement()
        .satisfies(i -> assertThat(i.visibility()).isEqualTo(Visibility.PUBLIC));
  }
}
