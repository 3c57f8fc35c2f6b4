package io.openchannel.adapters.teams;

import static io.openchannel.adapters.teams.TeamsFixtures.ACCOUNT;
import static io.openchannel.adapters.teams.TeamsFixtures.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.adapters.LoopbackServer.Received;
import io.openchannel.OpenChannel;
import io.openchannel.WebhookVerificationException;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.channel.WebhookResponse;
import io.openchannel.tck.DeterministicScheduler;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole path: a Teams activity in, the engine, an agent's reply out to the fake service. */
class TeamsEndToEndTest {
  private static final AgentId ANN = AgentId.of("ann");

  private final FakeBotFramework fake = new FakeBotFramework();
  private final DeterministicScheduler scheduler = new DeterministicScheduler(TeamsFixtures.clock());
  private final OpenChannel oc = OpenChannel.builder().clock(scheduler.clock()).scheduler(scheduler)
      .connector(TeamsFixtures.connector(fake, scheduler.clock())).build();

  TeamsEndToEndTest() {
    oc.accounts().create(ACCOUNT);
    oc.agents().create(Agent.of(ANN, "Ann").withAccounts(Set.of(TEAMS)));
  }

  @AfterEach
  void stop() {
    oc.close();
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void aTeamsMessageBecomesAnInteractionAndTheAgentsReplyIsPostedIntoTheConversation() {
    WebhookResponse response = oc.handleWebhook(TEAMS, TeamsFixtures.activity("personal-text", fake));
    assertThat(response.status()).isEqualTo(200);
    Interaction chat = interactionOfMegan();
    assertThat(chat.visibility()).isEqualTo(Visibility.PRIVATE);
    oc.assign(chat.id(), ANN);

    Message reply = oc.desk(ANN).sendText(chat.id(), "Sorry Megan, checking it now 🔍");
    scheduler.runDue();

    Received sent = fake.activities().get(0);
    assertThat(sent.path()).contains("/v3/conversations/a%3A1Hq9vP2sFq0S3wMJ7bKxkQ0XQnS6bJz");
    assertThat(sent.json().get("text").asText()).isEqualTo("Sorry Megan, checking it now 🔍");
    Message stored = find(chat.id(), reply);
    assertThat(stored.deliveryStatus()).contains(DeliveryStatus.SENT);
    assertThat(stored.channelMessageId()).contains(TeamsFixtures.PERSONAL + "|1001");
  }

  @Test
  void aRedeliveredActivityIsStoredOnce() {
    oc.handleWebhook(TEAMS, TeamsFixtures.activity("personal-text", fake));
    oc.handleWebhook(TEAMS, TeamsFixtures.activity("personal-text", fake));

    assertThat(oc.interactions().messages(interactionOfMegan().id())).hasSize(1);
  }

  @Test
  void aForgedActivityStoresNothing() {
    String forged = TeamsFixtures.sign(TeamsFixtures.claims(fake.serviceUrl()).build(), TeamsFixtures.OTHER_KEY);

    assertThatThrownBy(() -> oc.handleWebhook(TEAMS,
        TeamsFixtures.post(TeamsFixtures.json("personal-text", fake), forged)))
        .isInstanceOf(WebhookVerificationException.class);
    assertThat(oc.contacts().findByIdentity(ChannelIdentity.of(TEAMS, TeamsFixtures.USER))).isEmpty();
  }

  @Test
  void aThrottledReplyIsRetriedAfterTeamsRetryAfter() {
    oc.handleWebhook(TEAMS, TeamsFixtures.activity("personal-text", fake));
    Interaction chat = interactionOfMegan();
    oc.assign(chat.id(), ANN);
    fake.failNext(429, "Throttled", "slow down", "30");

    Message reply = oc.desk(ANN).sendText(chat.id(), "One moment");
    scheduler.runDue();
    assertThat(find(chat.id(), reply).deliveryStatus()).contains(DeliveryStatus.QUEUED);

    scheduler.advance(java.time.Duration.ofSeconds(31));
    scheduler.runDue();

    assertThat(find(chat.id(), reply).deliveryStatus()).contains(DeliveryStatus.SENT);
    assertThat(fake.activities()).hasSize(2);
  }

  private Interaction interactionOfMegan() {
    var megan = oc.contacts().findByIdentity(ChannelIdentity.of(TEAMS, TeamsFixtures.USER)).orElseThrow();
    List<Interaction> all = oc.interactions().ofContact(megan.id());
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private Message find(InteractionId chat, Message m) {
    return oc.interactions().messages(chat).stream().filter(x -> x.id().equals(m.id())).findFirst()
        .orElseThrow();
  }
}
