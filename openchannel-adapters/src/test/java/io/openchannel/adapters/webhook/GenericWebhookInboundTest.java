package io.openchannel.adapters.webhook;

import static io.openchannel.adapters.webhook.GenericFixtures.fixture;
import static io.openchannel.adapters.webhook.GenericFixtures.withApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.Account;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Parsing realistic inbound payloads of the reference format. */
class GenericWebhookInboundTest {
  private final FakeReplyServer server = new FakeReplyServer();
  private final GenericWebhookConnector connector =
      new GenericWebhookConnector(GenericFixtures.config(server).build());
  private final Account byPhone = GenericFixtures.account(server.url() + "/reply", "phone");

  @AfterEach
  void stopServer() {
    server.close();
  }

  private InboundMessage parse(WebhookRequest request, Account account) {
    return (InboundMessage) connector.handle(request, account).events().get(0);
  }

  @Test
  void aFullMessageKeepsTextNamesFieldsAndThread() {
    InboundMessage m = parse(withApiKey(fixture("full.json")), byPhone);

    assertThat(m.text()).isEqualTo("Ciao 👋 — مرحبا بكم، أحتاج مساعدة");
    assertThat(m.sender().externalId()).isEqualTo("+393331234567");
    assertThat(m.sender().firstName()).contains("Mia");
    assertThat(m.sender().lastName()).contains("Rossi");
    assertThat(m.sender().fields()).containsEntry("phone", "+393331234567");
    assertThat(m.threadId()).contains("order-1042");
    assertThat(m.visibility()).isEmpty(); // the channel's default: private
    assertThat(m.sentAt()).isEqualTo(GenericFixtures.NOW);
    assertThat(m.attachment()).isEmpty();
  }

  @Test
  void aMinimalMessageNeedsOnlyFromAndBody() {
    Account noMapKey = GenericFixtures.account(server.url() + "/reply", null);

    InboundMessage m = parse(withApiKey(fixture("minimal.json")), noMapKey);

    assertThat(m.text()).isEqualTo("Hello?");
    assertThat(m.sender().externalId()).isEqualTo("visitor-7f3a");
    assertThat(m.sender().firstName()).isEmpty();
    assertThat(m.sender().fields()).isEmpty();
    assertThat(m.threadId()).isEmpty();
  }

  @Test
  void unknownFieldsAndNullsAreIgnoredAndNameStandsInForTheFirstName() {
    InboundMessage m = parse(withApiKey(fixture("unknown-fields.json")), byPhone);

    assertThat(m.text()).isEqualTo("שלום, where is my parcel? 📦");
    assertThat(m.sender().firstName()).contains("Mia");
    assertThat(m.threadId()).isEmpty();
    assertThat(m.attachment()).isEmpty();
  }

  @Test
  void fromIsFiledUnderTheAccountsMapKeyAndTheSendersMapKey() {
    InboundMessage m = parse(withApiKey(fixture("unknown-fields.json")), byPhone);

    // the account matches by phone, the sender says "from" is an e-mail: both are filed
    assertThat(m.sender().fields())
        .containsEntry("phone", "mia@example.org")
        .containsEntry("email", "mia@example.org");
  }

  @Test
  void whenPhoneAndFromDifferTheAccountsMapKeyGetsFromAsTheReferenceMatchesBySender() {
    String json = "{\"from\":\"visitor-1\",\"body\":\"hi\",\"phone\":\"+391111\"}";

    assertThat(parse(withApiKey(json), byPhone).sender().fields()).containsEntry("phone", "visitor-1");
    Account byEmail = GenericFixtures.account(server.url() + "/reply", "email");
    assertThat(parse(withApiKey(json), byEmail).sender().fields())
        .containsEntry("phone", "+391111").containsEntry("email", "visitor-1");
  }

  @Test
  void hugeNumericIdsAreKeptDigitForDigit() {
    Account noMapKey = GenericFixtures.account(server.url() + "/reply", null);

    InboundMessage m = parse(withApiKey(fixture("huge-ids.json")), noMapKey);

    assertThat(m.sender().externalId()).isEqualTo("123456789012345678901234567890");
    assertThat(m.sender().fields()).containsEntry("phone", "393331234567");
    assertThat(m.channelMessageId()).isEqualTo("98765432109876543210987654321");
    assertThat(m.threadId()).contains("9223372036854775807000");
  }

  @Test
  void theSendersMessageIdIsTheDedupeKey() {
    InboundMessage m = parse(withApiKey("{\"from\":\"u\",\"body\":\"x\",\"id\":\"abc-1\"}"), byPhone);

    assertThat(m.channelMessageId()).isEqualTo("abc-1");
  }

  @Test
  void anIdempotencyKeyHeaderIsTheDedupeKeyWhenTheBodyHasNoId() {
    WebhookRequest request = GenericFixtures.request(Map.of("apikey", GenericFixtures.SECRET),
        Map.of("Content-Type", "application/json", "Idempotency-Key", "idem-77"),
        fixture("minimal.json"));

    assertThat(parse(request, byPhone).channelMessageId()).isEqualTo("idem-77");
  }

  @Test
  void withoutAnyIdTheDedupeKeyIsAHashOfTheRawBody() {
    InboundMessage once = parse(withApiKey(fixture("minimal.json")), byPhone);
    InboundMessage again = parse(withApiKey(fixture("minimal.json")), byPhone);
    InboundMessage other = parse(withApiKey("{\"from\":\"visitor-7f3a\",\"body\":\"Hello!\"}"), byPhone);

    assertThat(once.channelMessageId()).startsWith("sha256:").hasSize(7 + 64)
        .isEqualTo(again.channelMessageId());
    assertThat(other.channelMessageId()).isNotEqualTo(once.channelMessageId());
  }

  @Test
  void anAttachmentIdBecomesAnAttachmentDownloadedOnlyWhenOpened() throws Exception {
    server.file("att%2042", "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    InboundMessage m = parse(withApiKey(fixture("attachment.json")), byPhone);

    assertThat(server.received()).isEmpty(); // lazy: nothing fetched yet
    assertThat(m.attachment()).hasValueSatisfying(a -> {
      assertThat(a.fileName()).isEqualTo("invoice.pdf");
      assertThat(a.contentType()).isEqualTo("application/pdf");
    });
    try (var in = m.attachment().get().content().get()) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("%PDF-1.7");
    }
    assertThat(server.last().method()).isEqualTo("GET");
    assertThat(server.last().path()).isEqualTo("/attachments/att%2042");
    assertThat(m.text()).isEqualTo("invoice.pdf");
  }

  @Test
  void aFailedAttachmentDownloadThrowsUncheckedSoTheEngineStoresNothing() {
    InboundMessage m = parse(withApiKey(fixture("attachment.json")), byPhone); // no file served

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.attachment().get().content().get())
        .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("404");
  }
}
