package io.openchannel.adapters.teams;

import static io.openchannel.adapters.teams.TeamsFixtures.ACCOUNT;
import static io.openchannel.adapters.teams.TeamsFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.openchannel.WebhookVerificationException;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.tck.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every way a Bot Framework token can be wrong is refused, with a message that says which. */
class TeamsTokenTest {
  private final FakeBotFramework fake = new FakeBotFramework();
  private final ManualClock clock = TeamsFixtures.clock();
  private final TeamsConnector connector = TeamsFixtures.connector(fake, clock);

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void aGoodTokenIsAccepted() {
    assertThat(connector.handle(TeamsFixtures.activity("personal-text", fake), ACCOUNT).events()).hasSize(1);
  }

  @Test
  void aMissingAuthorizationHeaderIsRefused() {
    refused(TeamsFixtures.post(TeamsFixtures.json("personal-text", fake), null), "missing Authorization");
  }

  @Test
  void aNonBearerAuthorizationIsRefused() {
    WebhookRequest basic = WebhookRequest.postJson("/t", java.util.Map.of("Authorization", "Basic dTpw"),
        TeamsFixtures.json("personal-text", fake));
    refused(basic, "Bearer <JWT>");
  }

  @Test
  void anExpiredTokenIsRefused() {
    clock.set(TeamsFixtures.NOW.plusSeconds(3300).plus(Duration.ofMinutes(5)).plusSeconds(1));
    refused(TeamsFixtures.activity("personal-text", fake), "expired");
  }

  @Test
  void aTokenJustPastExpiryIsAcceptedWithinTheSkew() {
    clock.set(TeamsFixtures.NOW.plusSeconds(3300).plus(Duration.ofMinutes(4)));
    assertThat(connector.handle(TeamsFixtures.activity("personal-text", fake), ACCOUNT).events()).hasSize(1);
  }

  @Test
  void aTokenWithoutExpiryIsRefused() {
    refused(TeamsFixtures.activity("personal-text", fake, c -> c.expirationTime(null)), "no expiry");
  }

  @Test
  void aTokenNotYetValidIsRefused() {
    refused(TeamsFixtures.activity("personal-text", fake,
        c -> c.notBeforeTime(Date.from(TeamsFixtures.NOW.plus(Duration.ofMinutes(6))))), "not valid before");
  }

  @Test
  void aTokenForAnotherBotIsRefused() {
    refused(TeamsFixtures.activity("personal-text", fake,
        c -> c.audience("11111111-2222-3333-4444-555555555555")), "not this bot's App ID");
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    refused(TeamsFixtures.activity("personal-text", fake,
        c -> c.issuer("https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/")), "issuer");
  }

  @Test
  void aTokenSignedByAnotherKeyWithTheSameKidIsRefused() {
    String forged = TeamsFixtures.sign(TeamsFixtures.claims(fake.serviceUrl()).build(), TeamsFixtures.OTHER_KEY);
    refused(TeamsFixtures.post(TeamsFixtures.json("personal-text", fake), forged), "signature does not match");
  }

  @Test
  void aTokenSignedByAnUnknownKeyIsRefused() throws Exception {
    var stranger = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("stranger").generate();
    String token = TeamsFixtures.sign(TeamsFixtures.claims(fake.serviceUrl()).build(), stranger);
    refused(TeamsFixtures.post(TeamsFixtures.json("personal-text", fake), token), "not in the Bot Framework key set");
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String none = new PlainJWT(new PlainHeader(), TeamsFixtures.claims(fake.serviceUrl()).build()).serialize();
    refused(TeamsFixtures.post(TeamsFixtures.json("personal-text", fake), none), "not a signed JWT");
  }

  @Test
  void anHs256TokenKeyedWithThePublicKeyIsRefused() throws JOSEException {
    // The classic confusion: HMAC keyed with the RSA public key, which every attacker knows.
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(),
        TeamsFixtures.claims(fake.serviceUrl()).build());
    jwt.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));
    refused(TeamsFixtures.post(TeamsFixtures.json("personal-text", fake), jwt.serialize()), "RS256 only");
  }

  @Test
  void aTokenWhosePayloadWasChangedIsRefused() {
    String[] parts = TeamsFixtures.sign(TeamsFixtures.claims(fake.serviceUrl()).build(), KEY).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace(TeamsFixtures.APP_ID, TeamsFixtures.APP_ID); // same audience...
    payload = payload.replace("\"exp\":", "\"exp\":1"); // ...but a far later expiry
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    refused(TeamsFixtures.post(TeamsFixtures.json("personal-text", fake), tampered), "signature does not match");
  }

  @Test
  void anActivityWhoseServiceUrlIsNotTheTokensIsRefused() {
    String evil = TeamsFixtures.json("personal-text", fake).replace(fake.serviceUrl(), "https://evil.example/");
    refused(TeamsFixtures.post(evil, TeamsFixtures.sign(TeamsFixtures.claims(fake.serviceUrl()).build(), KEY)),
        "is not the serviceUrl claim");
  }

  @Test
  void aTokenWithoutServiceUrlClaimIsRefused() {
    refused(TeamsFixtures.activity("personal-text", fake, c -> c.claim("serviceurl", null)), "no serviceUrl claim");
  }

  @Test
  void aKeyNotEndorsedForTheActivitysChannelIsRefused() {
    String skype = TeamsFixtures.json("personal-text", fake).replace("\"msteams\"", "\"skype\"");
    refused(TeamsFixtures.post(skype, TeamsFixtures.sign(TeamsFixtures.claims(fake.serviceUrl()).build(), KEY)),
        "not endorsed for channel \"skype\"");
  }

  @Test
  void aRefusedActivityLeavesNoServiceUrlBehind() {
    java.util.Map<String, ConversationReferences.Reference> remembered = new java.util.concurrent.ConcurrentHashMap<>();
    TeamsConnector c = new TeamsConnector(TeamsFixtures.config(fake, clock)
        .conversationReferences(new ConversationReferences() {
          @Override
          public void remember(io.openchannel.account.AccountId a, String conversation, Reference reference) {
            remembered.put(conversation, reference);
          }

          @Override
          public java.util.Optional<Reference> find(io.openchannel.account.AccountId a, String conversation) {
            return java.util.Optional.ofNullable(remembered.get(conversation));
          }
        }).build());
    String evil = TeamsFixtures.json("personal-text", fake).replace(fake.serviceUrl(), "https://evil.example/");

    assertThatThrownBy(() -> c.handle(TeamsFixtures.post(evil,
        TeamsFixtures.sign(TeamsFixtures.claims(fake.serviceUrl()).build(), KEY)), ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class);
    assertThat(remembered).isEmpty();

    c.handle(TeamsFixtures.activity("personal-text", fake), ACCOUNT);
    assertThat(remembered).containsEntry(TeamsFixtures.PERSONAL, new ConversationReferences.Reference(
        java.net.URI.create(fake.serviceUrl()), java.util.Optional.of("1732443300123")));
  }

  @Test
  void rotatedKeysAreTrustedAfterReplace() throws Exception {
    var next = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("bf-key-2027").generate();
    BotFrameworkKeys keys = BotFrameworkKeys.parse(TeamsFixtures.JWKS);
    TeamsConnector c = new TeamsConnector(TeamsConfig.builder(keys)
        .bot(TeamsFixtures.TEAMS, TeamsFixtures.APP_ID, FakeBotFramework.APP_PASSWORD).clock(clock).build());
    WebhookRequest signedByNext = TeamsFixtures.post(TeamsFixtures.json("personal-text", fake),
        TeamsFixtures.sign(TeamsFixtures.claims(fake.serviceUrl()).build(), next));
    assertThatThrownBy(() -> c.handle(signedByNext, ACCOUNT)).isInstanceOf(WebhookVerificationException.class);

    keys.replace("{\"keys\":[" + next.toPublicJWK().toJSONString() + "]}");

    assertThat(c.handle(signedByNext, ACCOUNT).events()).hasSize(1);
    assertThat(keys.keyIds()).containsExactly("bf-key-2027");
  }

  @Test
  void aKeySetWithoutUsableKeysIsRefusedAtConfiguration() {
    assertThatThrownBy(() -> BotFrameworkKeys.parse("{\"keys\":[]}"))
        .isInstanceOf(io.openchannel.InvalidInputException.class).hasMessageContaining("no public RSA key");
    assertThatThrownBy(() -> BotFrameworkKeys.parse("{\"nokeys\":1}"))
        .isInstanceOf(io.openchannel.InvalidInputException.class).hasMessageContaining("\"keys\"");
    assertThatThrownBy(() -> BotFrameworkKeys.parse("not json"))
        .isInstanceOf(io.openchannel.InvalidInputException.class);
  }

  @Test
  void aNimbusJwkSetIsAcceptedWithoutEndorsements() {
    BotFrameworkKeys keys = BotFrameworkKeys.of(new com.nimbusds.jose.jwk.JWKSet(KEY));
    assertThat(keys.keyIds()).containsExactly(KEY.getKeyID());
    assertThat(keys.find(KEY.getKeyID()).orElseThrow().key().isPrivate()).isFalse();
  }

  private void refused(WebhookRequest request, String why) {
    assertThatThrownBy(() -> connector.handle(request, ACCOUNT))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining(why);
  }

}
