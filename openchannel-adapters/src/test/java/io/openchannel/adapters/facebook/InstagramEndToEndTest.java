package io.openchannel.adapters.facebook;

import static io.openchannel.adapters.facebook.FacebookFixtures.IG;
import static io.openchannel.adapters.facebook.FacebookFixtures.IG_ACCOUNT;
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
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Instagram through the engine: a direct message, the reply, messaging_seen; a public comment. */
class InstagramEndToEndTest {
  private static final AgentId ANN = AgentId.of("ann");
  private static final String IGSID = "6543210987654321";

  private final FakeGraph fake = SendApiRules.install(new FakeGraph(FacebookFixtures.IG_TOKEN));
  private final DeterministicScheduler scheduler =
      new DeterministicScheduler(new ManualClock(FacebookFixtures.NOW));
  private final OpenChannel oc = OpenChannel.builder().clock(scheduler.clock()).scheduler(scheduler)
      .connector(new InstagramConnector(FacebookFixtures.config(fake, scheduler.clock()))).build();

  InstagramEndToEndTest() {
    oc.accounts().create(IG_ACCOUNT);
    oc.agents().create(Agent.of(ANN, "Ann").withAccounts(Set.of(IG)));
  }

  @AfterEach
  void stop() {
    oc.close();
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void aDirectMessageIsAnsweredAndMessagingSeenMarksTheReplyRead() {
    fake.file("/ig_messaging_cdn/", new byte[] {(byte) 0xFF, (byte) 0xD8});
    oc.handleWebhook(IG, FacebookFixtures.signed(FacebookFixtures.json("instagram")
        .replace("https://lookaside.fbsbx.com", fake.baseUrl())));
    Interaction dm = only(IGSID);
    assertThat(dm.visibility()).isEqualTo(Visibility.PRIVATE);
    oc.assign(dm.id(), ANN);
    Message reply = oc.desk(ANN).sendText(dm.id(), "Sì, la M c'è 👍");
    scheduler.runDue();
    scheduler.clock().advance(Duration.ofSeconds(3));
    long now = scheduler.clock().millis();

    oc.handleWebhook(IG, FacebookFixtures.signed("{\"object\":\"instagram\",\"entry\":[{\"id\":\""
        + FacebookFixtures.IG_ID + "\",\"time\":" + now + ",\"messaging\":[{\"sender\":{\"id\":\"" + IGSID
        + "\"},\"recipient\":{\"id\":\"" + FacebookFixtures.IG_ID + "\"},\"timestamp\":" + now
        + ",\"read\":{\"mid\":\"m_sent-1001\"}}]}]}"));

    Message stored = oc.interactions().messages(dm.id()).stream().filter(m -> m.id().equals(reply.id()))
        .findFirst().orElseThrow();
    assertThat(stored.channelMessageId()).contains("m_sent-1001");
    assertThat(stored.deliveryStatus()).contains(DeliveryStatus.READ);
  }

  @Test
  void aCommentIsAPublicInteractionAnsweredAsACommentReply() {
    fake.file("/ig_messaging_cdn/", new byte[] {(byte) 0xFF, (byte) 0xD8});
    oc.handleWebhook(IG, FacebookFixtures.signed(FacebookFixtures.json("instagram")
        .replace("https://lookaside.fbsbx.com", fake.baseUrl())));
    Interaction comment = only("6543210987654399");
    assertThat(comment.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(oc.interactions().messages(comment.id())).hasSize(2);
    oc.assign(comment.id(), ANN);

    oc.desk(ANN).sendText(comment.id(), "Blue from Friday 💙");
    scheduler.runDue();

    assertThat(fake.last().path()).isEqualTo("/v24.0/18050000000000001/replies");
  }

  private Interaction only(String address) {
    var contact = oc.contacts().findByIdentity(ChannelIdentity.of(IG, address)).orElseThrow();
    List<Interaction> all = oc.interactions().ofContact(contact.id());
    assertThat(all).hasSize(1);
    return all.get(0);
  }
}
