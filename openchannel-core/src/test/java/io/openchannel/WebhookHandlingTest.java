package io.openchannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResponse;
import io.openchannel.spi.channel.WebhookResult;
import io.openchannel.spi.store.Store;
import io.openchannel.spi.store.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WebhookHandlingTest {
  private static final AccountId TG = AccountId.of("tg");

  /** A toy line protocol: header "X-Secret: s3cret", body lines "id|sender|text". */
  private static final ChannelConnector LINES = new ChannelConnector() {
    @Override
    public ChannelType type() {
      return ChannelType.TELEGRAM;
    }

    @Override
    public WebhookResult handle(WebhookRequest request, Account account) {
      if (request.method().equals("GET")) {
        return WebhookResult.handshake(WebhookResponse.text(request.query().get("challenge")));
      }
      if (!request.header("x-secret").equals(java.util.Optional.of("s3cret"))) {
        throw new WebhookVerificationException("bad X-Secret header");
      }
      List<InboundEvent> events = new ArrayList<>();
      for (String line : request.bodyText().split("\n")) {
        String[] p = line.split("\\|");
        events.add(InboundMessage.text(p[0], SenderProfile.of(p[1]), p[2], Instant.EPOCH));
      }
      return WebhookResult.of(events);
    }
  };

  private final EngineFixture f = new EngineFixture(OpenChannel.builder().connector(LINES));

  WebhookHandlingTest() {
    f.oc.accounts().create(Account.of(TG, ChannelType.TELEGRAM, "Bot", AccountSettings.defaults()));
  }

  @Test
  void everyMessageOfAVerifiedDeliveryIsReceivedInOrder() {
    WebhookResponse response = f.oc.handleWebhook(TG, post("s3cret", "1|42|hello\n2|42|again\n3|7|hi"));

    assertThat(response.status()).isEqualTo(200);
    var mia = f.oc.contacts().findByIdentity(ChannelIdentity.of(TG, "42")).orElseThrow();
    var interaction = f.oc.interactions().ofContact(mia.id()).get(0);
    assertThat(f.oc.interactions().messages(interaction.id())).extracting(m -> m.text())
        .containsExactly("hello", "again");
  }

  @Test
  void aDeliverysMessagesAreStoredInOneTransaction() {
    int[] writes = {0};
    Store memory = Store.inMemory();
    Store counting = new Store() {
      @Override
      public <T> T inTransaction(Function<StoreTransaction, T> work) {
        writes[0]++;
        return memory.inTransaction(work);
      }

      @Override
      public <T> T read(Function<StoreTransaction, T> work) {
        return memory.read(work);
      }
    };
    try (OpenChannel oc = OpenChannel.builder().connector(LINES).store(counting).build()) {
      oc.accounts().create(Account.of(TG, ChannelType.TELEGRAM, "Bot", AccountSettings.defaults()));
      int before = writes[0];

      oc.handleWebhook(TG, post("s3cret", "1|42|hello\n2|42|again\n3|7|hi\n4|8|hey"));

      assertThat(writes[0] - before).isEqualTo(1);
      assertThat(oc.contacts().findByIdentity(ChannelIdentity.of(TG, "8"))).isPresent();
    }
  }

  @Test
  void aRetriedDeliveryStoresNothingTwice() {
    f.oc.handleWebhook(TG, post("s3cret", "1|42|hello"));
    int events = f.events.size();

    f.oc.handleWebhook(TG, post("s3cret", "1|42|hello"));

    assertThat(f.events).hasSize(events);
  }

  @Test
  void aRequestFailingVerificationStoresNothing() {
    assertThatThrownBy(() -> f.oc.handleWebhook(TG, post("wrong", "1|42|hello")))
        .isInstanceOf(WebhookVerificationException.class);
    assertThat(f.events).isEmpty();
    assertThat(f.oc.contacts().findByIdentity(ChannelIdentity.of(TG, "42"))).isEmpty();
  }

  @Test
  void aHandshakeIsAnsweredWithoutStoringAnything() {
    WebhookResponse response = f.oc.handleWebhook(TG, new WebhookRequest("GET", "/hook",
        Map.of("challenge", "abc123"), Map.of(), new byte[0]));

    assertThat(response.body()).isEqualTo("abc123");
    assertThat(f.events).isEmpty();
  }

  @Test
  void anAccountWithoutConnectorSaysHowToRegisterOne() {
    assertThatThrownBy(() -> f.oc.handleWebhook(EngineFixture.FB, post("s3cret", "1|42|x")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("builder().connector");
  }

  private static WebhookRequest post(String secret, String body) {
    return WebhookRequest.postJson("/hook", Map.of("X-Secret", secret), body);
  }
}
