package io.openchannel.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openchannel.account.Account;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.Attachment;
import io.openchannel.message.AttachmentId;
import io.openchannel.message.MessageKind;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.SendResult.FailureKind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the connector POSTs to the Reply URL, and how it reads the answers. */
class GenericWebhookSendTest {
  private final FakeReplyServer server = new FakeReplyServer();
  private final GenericWebhookConnector connector = new GenericWebhookConnector(
      GenericFixtures.config(server).http(h -> h.requestTimeout(Duration.ofMillis(300))).build());
  private final Account account = GenericFixtures.account(server.url() + "/reply", "phone");

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void postsTheReferenceReplyShapeWithClearlyNamedExtras() {
    SendResult result = connector.send(GenericFixtures.reply(account, "Ciao Mia 👋 — مرحبا"), account);

    assertThat(result).isEqualTo(SendResult.sent("reply-1"));
    FakeReplyServer.Received request = server.last();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/reply");
    assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(request.header("Idempotency-Key")).isEqualTo("msg-1");
    JsonNode json = request.json();
    assertThat(json.get("body").textValue()).isEqualTo("Ciao Mia 👋 — مرحبا");
    assertThat(json.get("AttachmentId").isNull()).isTrue();
    JsonNode contact = json.get("Contact");
    assertThat(contact.get("firstName").textValue()).isEqualTo("Mia");
    assertThat(contact.get("lastName").textValue()).isEqualTo("Rossi");
    assertThat(contact.get("phone").textValue()).isEqualTo("+393331234567");
    assertThat(contact.get("email").textValue()).isEqualTo("mia@example.org");
    assertThat(json.get("Interaction").get("id").textValue()).isEqualTo("int-1");
    assertThat(json.get("Interaction").get("threadId").isNull()).isTrue();
    assertThat(json.get("to").textValue()).isEqualTo("+393331234567");
    assertThat(json.get("messageId").textValue()).isEqualTo("msg-1");
    assertThat(json.size()).isEqualTo(6); // nothing else
  }

  @Test
  void anAttachmentGoesAsItsIdWithTheFileNameAsBody() {
    Supplier<InputStream> bytes = () -> new ByteArrayInputStream(new byte[] {1, 2, 3});
    OutboundMessage base = GenericFixtures.reply(account, "");
    OutboundMessage file = new OutboundMessage(base.id(), base.interaction(), base.account(),
        new ConversationKey(account.id(), "+393331234567", Visibility.PRIVATE, Optional.of("order-1042")),
        base.contact(), MessageKind.ATTACHMENT, "",
        Optional.of(new Attachment(AttachmentId.of("att-9"), "label.png", "image/png", 3)),
        Optional.of(bytes), false, Optional.empty(), Optional.empty());

    connector.send(file, account);

    JsonNode json = server.last().json();
    assertThat(json.get("body").textValue()).isEqualTo("label.png");
    assertThat(json.get("AttachmentId").textValue()).isEqualTo("att-9");
    assertThat(json.get("Interaction").get("threadId").textValue()).isEqualTo("order-1042");
  }

  @Test
  void aSuccessWithoutAnIdKeepsOurMessageId() {
    server.answer(204, "");

    assertThat(connector.send(GenericFixtures.reply(account, "Hi"), account))
        .isEqualTo(SendResult.sent("msg-1"));
  }

  @Test
  void aNumericMessageIdInTheAnswerIsUsed() {
    server.answer(200, "{\"messageId\": 123456789012345678901234567890}");

    assertThat(connector.send(GenericFixtures.reply(account, "Hi"), account))
        .isEqualTo(SendResult.sent("123456789012345678901234567890"));
  }

  @Test
  void aServerErrorIsTransient() {
    server.answer(500, "<html>\n<h1>Internal Server Error</h1>\n</html>");

    SendResult result = connector.send(GenericFixtures.reply(account, "Hi"), account);

    assertThat(result).isEqualTo(new SendResult.Failed(FailureKind.TRANSIENT,
        "Reply URL answered HTTP 500: <html> <h1>Internal Server Error</h1> </html>", Optional.empty()));
  }

  @Test
  void tooManyRequestsIsTransientAndHonoursRetryAfter() {
    server.answer(429, "slow down", Map.of("Retry-After", "42"));

    SendResult result = connector.send(GenericFixtures.reply(account, "Hi"), account);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.TRANSIENT);
      assertThat(f.retryAfter()).contains(Duration.ofSeconds(42));
      assertThat(f.reason()).contains("429");
    });
  }

  @Test
  void aRetryAfterDateIsReadAgainstTheConfiguredClock() {
    server.answer(503, "", Map.of("Retry-After", "Sun, 01 Mar 2026 10:20:30 GMT"));

    SendResult result = connector.send(GenericFixtures.reply(account, "Hi"), account);

    assertThat(((SendResult.Failed) result).retryAfter()).contains(Duration.ofMinutes(5));
  }

  @Test
  void aClientErrorIsPermanentWithStatusAndAShortExcerpt() {
    server.answer(400, "{\"error\":\"unknown recipient\",\"detail\":\"" + "x".repeat(500) + "\"}");

    SendResult result = connector.send(GenericFixtures.reply(account, "Hi"), account);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.PERMANENT);
      assertThat(f.reason()).startsWith("Reply URL answered HTTP 400: {\"error\":\"unknown recipient\"")
          .endsWith("...").hasSizeLessThan(260);
    });
  }

  @Test
  void anUnreachableReplyUrlIsTransient() {
    FakeReplyServer gone = new FakeReplyServer();
    Account dead = GenericFixtures.account(gone.url() + "/reply", "phone");
    gone.close();

    SendResult result = connector.send(GenericFixtures.reply(dead, "Hi"), dead);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
        f -> assertThat(f.kind()).isEqualTo(FailureKind.TRANSIENT));
  }

  @Test
  void aReplyUrlThatNeverAnswersTimesOutTransiently() {
    server.hangNext();

    SendResult result = connector.send(GenericFixtures.reply(account, "Hi"), account);

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.TRANSIENT);
      assertThat(f.reason()).contains("Timeout");
    });
  }

  @Test
  void anAccountWithoutReplyUrlFailsPermanentlyWithoutARequest() {
    Account noReply = GenericFixtures.account(null, "phone");

    SendResult result = connector.send(GenericFixtures.reply(noReply, "Hi"), noReply);

    assertThat(result).isInstanceOf(SendResult.Failed.class);
    assertThat(((SendResult.Failed) result).kind()).isEqualTo(FailureKind.PERMANENT);
    assertThat(server.received()).isEmpty();
  }
}
