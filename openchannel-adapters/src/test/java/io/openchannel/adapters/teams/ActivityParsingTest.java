package io.openchannel.adapters.teams;

import static io.openchannel.adapters.teams.TeamsFixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.interaction.Visibility;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.tck.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bot Framework activities, as documented, become the events the engine stores. */
class ActivityParsingTest {
  private final FakeBotFramework fake = new FakeBotFramework();
  private final ManualClock clock = TeamsFixtures.clock();
  private final TeamsConnector connector = TeamsFixtures.connector(fake, clock);

  @AfterEach
  void stop() {
    fake.close();
    assertThat(fake.problems()).isEmpty();
  }

  @Test
  void aPersonalMessageIsAPrivateMessageFromTheUserInItsConversationThread() {
    InboundMessage m = only(parse("personal-text"));

    assertThat(m.channelMessageId()).isEqualTo(TeamsFixtures.PERSONAL + "|1732443300123");
    assertThat(m.text()).isEqualTo("My order 🛒 hasn't arrived — طلبي لم يصل بعد");
    assertThat(m.sender().externalId()).isEqualTo(TeamsFixtures.USER);
    assertThat(m.sender().firstName()).contains("Megan");
    assertThat(m.sender().lastName()).contains("Bowen");
    assertThat(m.sender().fields()).containsEntry("aadObjectId", "f7a1c2d3-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    assertThat(m.visibility()).contains(Visibility.PRIVATE);
    assertThat(m.threadId()).contains(TeamsFixtures.PERSONAL);
    assertThat(m.sentAt()).isEqualTo(Instant.parse("2026-11-24T10:14:58.1234567Z"));
    assertThat(m.attachment()).isEmpty();
  }

  @Test
  void aFileWithoutTextIsDownloadedFromItsUrlWithoutOurToken() throws IOException {
    fake.file("/files/receipt.pdf", new byte[] {'%', 'P', 'D', 'F'});
    InboundMessage m = only(parse("file"));

    assertThat(m.text()).isEmpty();
    assertThat(m.sender().lastName()).contains("Bowen");
    assertThat(m.sender().firstName()).contains("Megan");
    assertThat(m.attachment().orElseThrow().fileName()).isEqualTo("receipt.pdf");
    assertThat(m.attachment().get().contentType()).isEqualTo("application/pdf");
    try (InputStream in = m.attachment().get().content().get()) {
      assertThat(in.readAllBytes()).containsExactly('%', 'P', 'D', 'F');
    }
    assertThat(fake.last().header("Authorization")).isNull();
    assertThat(fake.last().path()).isEqualTo("/files/receipt.pdf");
  }

  @Test
  void inlineImagesAreFetchedWithTheBotsTokenAndEachExtraImageIsItsOwnMessage() throws IOException {
    fake.file("/teams/v3/attachments/0-eus-d4-9a1b/views/original", new byte[] {1, 2});
    List<InboundEvent> events = parse("inline-image");

    assertThat(events).hasSize(2);
    InboundMessage first = (InboundMessage) events.get(0);
    InboundMessage second = (InboundMessage) events.get(1);
    assertThat(first.text()).isEqualTo("the box looked like this");
    assertThat(first.attachment().orElseThrow().contentType()).isEqualTo("image/png"); // sent as image/*
    assertThat(first.attachment().get().fileName()).isEqualTo("image-1.png");
    assertThat(second.text()).isEmpty();
    assertThat(second.channelMessageId()).isEqualTo(first.channelMessageId() + "#2");
    try (InputStream in = first.attachment().get().content().get()) {
      assertThat(in.readAllBytes()).containsExactly(1, 2);
    }
    assertThat(fake.last().header("Authorization")).isEqualTo("Bearer token-1");
  }

  @Test
  void aChannelMessageIsPublicInItsReplyThreadWithoutTheBotMention() {
    InboundMessage m = only(parse("channel-mention"));

    assertThat(m.text()).isEqualTo("can someone check invoice 4411?");
    assertThat(m.visibility()).contains(Visibility.PUBLIC);
    assertThat(m.threadId()).contains("19:9f0a7c8d2e3b4a5f@thread.tacv2;messageid=1732443600999");
    assertThat(m.sender().externalId()).isEqualTo("29:1AbCdEfGhIjKlMnOpQrStUvWxYz");
  }

  @ParameterizedTest
  @ValueSource(strings = {"conversationUpdate", "messageReaction", "typing", "invoke", "installationUpdate"})
  void otherActivitiesAreAcknowledgedAndNothingIsStored(String type) {
    var result = connector.handle(TeamsFixtures.activity(type, fake), ACCOUNT);

    assertThat(result.events()).isEmpty();
    assertThat(result.response().status()).isEqualTo(200);
  }

  @Test
  void missingOptionalFieldsAndUnknownOnesAreFine() {
    InboundMessage m = only(parse("minimal"));

    assertThat(m.text()).isEqualTo("hi");
    assertThat(m.sentAt()).isEqualTo(TeamsFixtures.NOW); // no timestamp: our clock
    assertThat(m.sender().firstName()).isEmpty();
    assertThat(m.visibility()).contains(Visibility.PRIVATE);
  }

  @Test
  void aMessageWithOnlyACardIsAcknowledgedWithoutAnEvent() {
    String card = TeamsFixtures.json("minimal", fake).replace("\"text\": \"hi\",",
        "\"attachments\": [{\"contentType\": \"application/vnd.microsoft.card.adaptive\", \"content\": {}}],");
    assertThat(connector.handle(TeamsFixtures.post(card, token()), ACCOUNT).events()).isEmpty();
  }

  @Test
  void parsingIsDeterministic() {
    assertThat(parse("personal-text")).usingRecursiveComparison()
        .ignoringFieldsOfTypes(java.util.function.Supplier.class).isEqualTo(parse("personal-text"));
  }

  private String token() {
    return TeamsFixtures.sign(TeamsFixtures.claims(fake.serviceUrl()).build(), TeamsFixtures.KEY);
  }

  private List<InboundEvent> parse(String fixture) {
    return connector.handle(TeamsFixtures.activity(fixture, fake), ACCOUNT).events();
  }

  private static InboundMessage only(List<InboundEvent> events) {
    assertThat(events).hasSize(1);
    return (InboundMessage) events.get(0);
  }

}
