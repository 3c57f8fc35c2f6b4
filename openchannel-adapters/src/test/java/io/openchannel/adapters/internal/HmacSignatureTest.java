package io.openchannel.adapters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.WebhookVerificationException;
import io.openchannel.adapters.internal.HmacSignature.Encoding;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HmacSignatureTest {
  private static final byte[] BODY = "{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8);
  private final HmacSignature signature =
      HmacSignature.sha256("app-secret".getBytes(StandardCharsets.UTF_8));

  @Test
  void matchesAKnownVector() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    HmacSignature rfc = HmacSignature.sha256("Jefe".getBytes(StandardCharsets.UTF_8));
    assertThat(rfc.header("sha256=",
        "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), Encoding.HEX))
        .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void acceptsItsOwnHeaderInBothEncodings() {
    for (Encoding encoding : Encoding.values()) {
      String header = signature.header("sha256=", BODY, encoding);
      signature.verify("X-Sig", Optional.of(header), "sha256=", BODY, encoding);
    }
  }

  @Test
  void refusesMissingMalformedAndWrongSignatures() {
    String good = signature.header("sha256=", BODY, Encoding.HEX);
    assertThatThrownBy(() -> signature.verify("X-Sig", Optional.empty(), "sha256=", BODY,
        Encoding.HEX)).isInstanceOf(WebhookVerificationException.class).hasMessageContaining("missing");
    assertThatThrownBy(() -> signature.verify("X-Sig", Optional.of("sha1=abc"), "sha256=", BODY,
        Encoding.HEX)).isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("must start with 'sha256='");
    assertThatThrownBy(() -> signature.verify("X-Sig", Optional.of("sha256=zz"), "sha256=", BODY,
        Encoding.HEX)).isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("hex digest");
    byte[] tampered = "{\"object\":\"pagf\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> signature.verify("X-Sig", Optional.of(good), "sha256=", tampered,
        Encoding.HEX)).isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void refusesAnEmptySecret() {
    assertThatThrownBy(() -> HmacSignature.sha256(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
