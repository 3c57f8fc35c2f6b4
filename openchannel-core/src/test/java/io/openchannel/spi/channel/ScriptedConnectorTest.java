package io.openchannel.spi.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.tck.ChannelConnectorContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScriptedConnectorTest extends ChannelConnectorContract {
  private final ScriptedConnector connector = new ScriptedConnector(ChannelType.GENERIC, "s3cret");
  private final Account account = Account.of(AccountId.of("gen"), ChannelType.GENERIC, "Generic",
      AccountSettings.builder().replyUrl("https://connector.example.org/reply").build());

  @Override
  protected ChannelConnector connector() {
    return connector;
  }

  @Override
  protected Account account() {
    return account;
  }

  @Override
  protected WebhookRequest validDelivery() {
    return connector.signedRequest("{\"messages\":[{\"id\":\"m1\",\"from\":\"user-1\","
        + "\"text\":\"Hi 👋\",\"firstName\":\"Mia\",\"timestamp\":1700000000000}]}");
  }

  @Override
  protected WebhookRequest withoutSignature(WebhookRequest request) {
    TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(request.headers());
    headers.remove(ScriptedConnector.SIGNATURE_HEADER);
    return new WebhookRequest(request.method(), request.path(), request.query(), headers, request.body());
  }

  @Override
  protected WebhookRequest resign(WebhookRequest request) {
    return connector.signedRequest(request.bodyText());
  }

  @Override
  protected OutboundMessage outbound() {
    Contact mia = new Contact(ContactId.of("c1"), Optional.of("Mia"), Optional.empty(), Map.of(),
        Set.of(), Instant.EPOCH, 0);
    return new OutboundMessage(MessageId.of("m1"), InteractionId.of("i1"), account.id(),
        ConversationKey.direct(account.id(), "user-1"), mia, MessageKind.TEXT, "Hello", Optional.empty(),
        Optional.empty(), false, Optional.empty(), Optional.empty());
  }

  @Override
  protected void platformAcceptsNext() {
    connector.willSucceed();
  }

  @Override
  protected void platformFailsNextTransiently() {
    connector.willFailTransiently("429 Too Many Requests", java.time.Duration.ofSeconds(1));
  }

  @Override
  protected void platformRefusesNext() {
    connector.willFailPermanently("400 Bad recipient");
  }

  @Test
  void parsesMessagesAndReceiptsFromOneDelivery() {
    WebhookResult result = connector.handle(connector.signedRequest(
        "{\"messages\":[{\"id\":\"m1\",\"from\":\"u\",\"text\":\"x\"}],"
            + "\"receipts\":[{\"recipient\":\"u\",\"watermark\":1700000000000,\"status\":\"READ\"}]}"),
        account);

    assertThat(result.events()).hasSize(2);
    assertThat(result.events().get(1)).isInstanceOfSatisfying(DeliveryReceipt.class,
        r -> assertThat(r.watermark()).contains(Instant.ofEpochMilli(1700000000000L)));
  }
}
