package io.openchannel.adapters.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.tck.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Test keys, token minting, sample activities (src/test/resources/teams), the account. */
final class TeamsFixtures {
  static final AccountId TEAMS = AccountId.of("teams-support");
  static final String APP_ID = "6c2b1b5e-7d4f-4f0e-9a51-0c7e3d9b2a10";
  static final Account ACCOUNT = Account.of(TEAMS, ChannelType.TEAMS, "Support bot",
      AccountSettings.builder().replyUrl("https://smba.trafficmanager.net/teams/").build());
  static final Instant NOW = Instant.parse("2026-11-24T10:15:00Z");
  /** The conversation of personal-text.json. */
  static final String PERSONAL = "a:1Hq9vP2sFq0S3wMJ7bKxkQ0XQnS6bJz_yN2uL8fGm4pR5tW1cV3eA7dB9hI2oK";
  static final String USER = "29:1kYw3V8Xn2lH7bPzQ4dE6fGhJ0sT5uA9cR1mN8vB2xK4";

  /** Bot Framework's signing key, and a stranger's with the same kid. */
  static final RSAKey KEY = generate("bf-key-2026");
  static final RSAKey OTHER_KEY = generate("bf-key-2026");
  static final String JWKS = "{\"keys\":[" + withEndorsements(KEY, "\"msteams\",\"webchat\"") + "]}";

  private TeamsFixtures() {}

  private static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String withEndorsements(RSAKey key, String endorsements) {
    String json = key.toPublicJWK().toJSONString();
    return json.substring(0, json.length() - 1) + ",\"endorsements\":[" + endorsements + "]}";
  }

  static ManualClock clock() {
    return new ManualClock(NOW);
  }

  static TeamsConfig.Builder config(FakeBotFramework fake, ManualClock clock) {
    return TeamsConfig.builder(BotFrameworkKeys.parse(JWKS)).bot(TEAMS, APP_ID, FakeBotFramework.APP_PASSWORD)
        .clock(clock).tokenUrl(fake.baseUrl() + "/token").defaultServiceUrl(fake.serviceUrl());
  }

  static TeamsConnector connector(FakeBotFramework fake, ManualClock clock) {
    return new TeamsConnector(config(fake, clock).build());
  }

  /** Claims Bot Framework would send for an activity to {@code serviceUrl}. */
  static JWTClaimsSet.Builder claims(String serviceUrl) {
    return new JWTClaimsSet.Builder().issuer(TeamsConfig.BOT_FRAMEWORK_ISSUER).audience(APP_ID)
        .notBeforeTime(Date.from(NOW.minusSeconds(300))).expirationTime(Date.from(NOW.plusSeconds(3300)))
        .claim("serviceurl", serviceUrl);
  }

  static String sign(JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
          claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fixture's text, with its serviceUrl and file host pointing at the fake. */
  static String json(String name, FakeBotFramework fake) {
    try (InputStream in = TeamsFixtures.class.getResourceAsStream("/teams/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("SERVICE_URL/", fake.serviceUrl()).replace("FILES_URL/", fake.baseUrl() + "/files/");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture as Bot Framework would POST it, with a good token. */
  static WebhookRequest activity(String name, FakeBotFramework fake) {
    return post(json(name, fake), sign(claims(fake.serviceUrl()).build(), KEY));
  }

  /** The fixture with a token whose claims were changed by {@code change}. */
  static WebhookRequest activity(String name, FakeBotFramework fake,
      UnaryOperator<JWTClaimsSet.Builder> change) {
    return post(json(name, fake), sign(change.apply(claims(fake.serviceUrl())).build(), KEY));
  }

  static WebhookRequest post(String body, String token) {
    return WebhookRequest.postJson("/webhooks/teams/teams-support",
        token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), body);
  }

  static OutboundMessage text(String conversationId, String text) {
    Contact contact = new Contact(ContactId.of("c-1"), Optional.of("Megan"), Optional.of("Bowen"),
        Map.of(), Set.of(), Instant.EPOCH, 0);
    return new OutboundMessage(MessageId.of("m-1"), InteractionId.of("i-1"), TEAMS,
        new ConversationKey(TEAMS, USER, Visibility.PRIVATE, Optional.ofNullable(conversationId)),
        contact, MessageKind.TEXT, text, Optional.empty(), Optional.empty(), false, Optional.empty(),
        Optional.empty());
  }
}
