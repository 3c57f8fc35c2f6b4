package io.openchannel.examples.bench;

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
import io.openchannel.adapters.internal.HmacSignature;
import io.openchannel.adapters.teams.BotFrameworkKeys;
import io.openchannel.adapters.teams.TeamsConfig;
import io.openchannel.adapters.teams.TeamsConnector;
import io.openchannel.adapters.twitter.XConfig;
import io.openchannel.adapters.twitter.XConnector;
import io.openchannel.spi.channel.WebhookRequest;
import io.openchannel.spi.channel.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What checking and parsing one inbound delivery costs a connector, before the engine stores it:
 * a Teams activity (RS256 signature of its Bot Framework token checked by Nimbus JOSE against a
 * 2048-bit key, claims, JSON) and an X delivery (HMAC-SHA256 of the body, JSON). The RSA check
 * dominates Teams; it bounds how many activities one core can take per second.
 *
 * <pre>
 * java -jar openchannel-examples/target/openchannel-examples.jar bench --include WebhookVerify --quick
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WebhookVerifyBenchmark {
  private static final String APP_ID = "6c2b1b5e-7d4f-4f0e-9a51-0c7e3d9b2a10";
  private static final String SERVICE_URL = "https://smba.trafficmanager.net/emea/";
  private static final Instant NOW = Instant.parse("2026-11-24T10:15:00Z");
  private static final String X_SECRET = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";

  private TeamsConnector teams;
  private Account teamsAccount;
  private WebhookRequest activity;
  private XConnector x;
  private Account xAccount;
  private WebhookRequest delivery;

  @Setup
  public void setUp() throws JOSEException {
    RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
    AccountId teamsId = AccountId.of("teams");
    teams = new TeamsConnector(TeamsConfig.builder(BotFrameworkKeys.parse(
            "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}"))
        .bot(teamsId, APP_ID, "secret").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
    teamsAccount = Account.of(teamsId, ChannelType.TEAMS, "Teams", AccountSettings.builder().build());
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(),
        new JWTClaimsSet.Builder().issuer(TeamsConfig.BOT_FRAMEWORK_ISSUER).audience(APP_ID)
            .expirationTime(Date.from(NOW.plusSeconds(3000))).claim("serviceurl", SERVICE_URL).build());
    jwt.sign(new RSASSASigner(key));
    activity = WebhookRequest.postJson("/api/messages", Map.of("Authorization", "Bearer " + jwt.serialize()),
        "{\"type\":\"message\",\"id\":\"1732443300123\",\"timestamp\":\"2026-11-24T10:14:58.123Z\","
            + "\"serviceUrl\":\"" + SERVICE_URL + "\",\"channelId\":\"msteams\","
            + "\"from\":{\"id\":\"29:1kYw3V8Xn2lH7bPzQ4dE6fGhJ0sT5uA9cR1mN8vB2xK4\",\"name\":\"Megan Bowen\"},"
            + "\"conversation\":{\"conversationType\":\"personal\",\"id\":\"a:1Hq9vP2sFq0S3wMJ7bKxkQ0XQnS6bJz\"},"
            + "\"recipient\":{\"id\":\"28:" + APP_ID + "\"},\"text\":\"My order hasn't arrived\"}");

    AccountId xId = AccountId.of("x");
    x = new XConnector(XConfig.builder().account(xId, "4337869213", X_SECRET, () -> "token").build());
    xAccount = Account.of(xId, ChannelType.TWITTER, "X", AccountSettings.builder().build());
    String body = "{\"for_user_id\":\"4337869213\",\"direct_message_events\":[{\"type\":\"message_create\","
        + "\"id\":\"1496843253045723140\",\"created_timestamp\":\"1764000000123\",\"message_create\":{"
        + "\"target\":{\"recipient_id\":\"4337869213\"},\"sender_id\":\"3001969357\",\"message_data\":{"
        + "\"text\":\"Order still missing\",\"entities\":{\"urls\":[]}}}}],\"users\":{\"3001969357\":"
        + "{\"id\":\"3001969357\",\"name\":\"Layla Haddad\",\"screen_name\":\"layla_h\"}}}";
    String signature = HmacSignature.sha256(X_SECRET.getBytes(StandardCharsets.UTF_8))
        .header("sha256=", body.getBytes(StandardCharsets.UTF_8), HmacSignature.Encoding.BASE64);
    delivery = WebhookRequest.postJson("/x", Map.of(XConnector.SIGNATURE_HEADER, signature), body);
  }

  /** One Teams activity: token checked (RS256), activity parsed. */
  @Benchmark
  public WebhookResult teamsActivity() {
    return teams.handle(activity, teamsAccount);
  }

  /** One X delivery: HMAC checked, events parsed. */
  @Benchmark
  public WebhookResult xDelivery() {
    return x.handle(delivery, xAccount);
  }
}
