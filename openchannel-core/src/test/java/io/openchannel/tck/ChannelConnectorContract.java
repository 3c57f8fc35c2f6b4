package io.openchannel.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.WebhookVerificationException;
import io.openchannel.account.Account;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.InboundEvent;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ChannelConnector} must pass. Extend it in a connector's tests and
 * supply the connector, an account, real-shaped sample requests and a way to script the
 * platform's answer to a send (usually a fake platform HTTP server on loopback).
 *
 * <p>What it pins down: verification refuses unsigned and tampered requests with
 * {@link WebhookVerificationException}; malformed bodies are {@link InvalidInputException}, never
 * another exception; parsing is deterministic (the engine's dedupe relies on stable channel
 * message ids); a send returns a classified {@link SendResult} for success, transient and
 * permanent failures and never throws for a platform error.
 */
public abstract class ChannelConnectorContract {
  /** The connector under test, configured for {@link #account()}. */
  protected abstract ChannelConnector connector();

  /** An account of the connector's type whose settings point at the fake platform. */
  protected abstract Account account();

  /** A valid, verifiable delivery carrying at least one customer message. */
  protected abstract WebhookRequest validDelivery();

  /** {@code request} with its signature or secret removed. */
  protected abstract WebhookRequest withoutSignature(WebhookRequest request);

  /** A message to send to a customer the platform knows. */
  protected abstract OutboundMessage outbound();

  /** Makes the platform accept the next send. */
  protected abstract void platformAcceptsNext();

  /** Makes the platform fail the next send in a way worth retrying (429, 5xx). */
  protected abstract void platformFailsNextTransiently();

  /** Makes the platform refuse the next send for good (bad recipient, blocked). */
  protected abstract void platformRefusesNext();

  /**
   * A valid delivery whose body was changed after signing, for connectors that sign the body;
   * connectors that authenticate by a shared secret only return {@code null}.
   */
  protected WebhookRequest tampered(WebhookRequest signed) {
    byte[] body = signed.body();
    byte[] changed = (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
    return new WebhookRequest(signed.method(), signed.path(), signed.query(), signed.headers(), changed);
  }

  @Test
  void aValidDeliveryYieldsCustomerMessagesWithChannelIds() {
    WebhookResult result = connector().handle(validDelivery(), account());

    List<InboundMessage> messages = result.events().stream()
        .filter(InboundMessage.class::isInstance).map(InboundMessage.class::cast).toList();
    assertThat(messages).isNotEmpty();
    assertThat(messages).allSatisfy(m -> assertThat(m.channelMessageId()).isNotBlank());
    assertThat(result.response().status()).isBetween(200, 299);
  }

  @Test
  void parsingTheSameDeliveryTwiceGivesEqualEvents() {
    List<InboundEvent> first = connector().handle(validDelivery(), account()).events();
    List<InboundEvent> second = connector().handle(validDelivery(), account()).events();

    assertThat(second).usingRecursiveComparison().ignoringFieldsOfTypes(java.util.function.Supplier.class)
        .isEqualTo(first);
  }

  @Test
  void anUnsignedDeliveryIsRefused() {
    assertThatThrownBy(() -> connector().handle(withoutSignature(validDelivery()), account()))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void aTamperedDeliveryIsRefused() {
    WebhookRequest tampered = tampered(validDelivery());
    if (tampered != null) {
      assertThatThrownBy(() -> connector().handle(tampered, account()))
          .isInstanceOf(WebhookVerificationException.class);
    }
  }

  @Test
  void aMalformedBodyIsInvalidInputNotACrash() {
    WebhookRequest valid = validDelivery();
    WebhookRequest garbage = new WebhookRequest(valid.method(), valid.path(), valid.query(),
        valid.headers(), "{not json".getBytes(StandardCharsets.UTF_8));
    // Either verification fails first (the signature no longer matches) or parsing refuses it.
    assertThatThrownBy(() -> connector().handle(resign(garbage), account()))
        .isInstanceOfAny(InvalidInputException.class, WebhookVerificationException.class);
  }

  /** Re-signs a request for connectors that sign bodies; the default leaves it as is. */
  protected WebhookRequest resign(WebhookRequest request) {
    return request;
  }

  @Test
  void anAcceptedSendReturnsTheChannelsMessageId() {
    platformAcceptsNext();

    SendResult result = connector().send(outbound(), account());

    assertThat(result).isInstanceOfSatisfying(SendResult.Sent.class,
        sent -> assertThat(sent.channelMessageId()).isNotBlank());
  }

  @Test
  void aTransientPlatformErrorIsClassifiedTransient() {
    platformFailsNextTransiently();

    SendResult result = connector().send(outbound(), account());

    assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
        failed -> assertThat(failed.kind()).isEqualTo(SendResult.FailureKind.TRANSIENT));
  }

  @Test
  void aPermanentPlatformErrorIsClassifiedAndExplained() {
    platformRefusesNext();

    SendResult[] result = new SendResult[1];
    assertThatCode(() -> result[0] = connector().send(outbound(), account())).doesNotThrowAnyException();
    assertThat(result[0]).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
      assertThat(failed.kind()).isIn(SendResult.FailureKind.PERMANENT, SendResult.FailureKind.POLICY);
      assertThat(failed.reason()).isNotBlank();
    });
  }
}
