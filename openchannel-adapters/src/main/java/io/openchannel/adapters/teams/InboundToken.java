package io.openchannel.adapters.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.openchannel.WebhookVerificationException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the {@code Authorization: Bearer} token of a Bot Framework request: a JWS signed RS256
 * by one of the host's {@link BotFrameworkKeys}, from the configured issuer, for the bot's App
 * ID, within its validity (give or take the clock skew). The signature is checked by Nimbus JOSE,
 * never by our own code. What depends on the activity ({@code serviceUrl}, endorsements) is
 * checked by {@link Verified#requireMatches}. Thread-safe.
 */
final class InboundToken {
  private static final String PREFIX = "Bearer ";

  private InboundToken() {}

  /** A token whose signature, issuer, audience and times were found good. */
  record Verified(JWTClaimsSet claims, Set<String> endorsements) {
    /**
     * Binds the token to the activity: Bot Framework puts the activity's {@code serviceUrl} in
     * the token, so an activity cannot be replayed to us with another serviceUrl (where we would
     * send our own token), and a key endorsed for some channels signs only for those.
     */
    void requireMatches(String activityServiceUrl, Optional<String> channelId) {
      Object claim = claims.getClaim("serviceurl") != null ? claims.getClaim("serviceurl")
          : claims.getClaim("serviceUrl");
      if (!(claim instanceof String tokenServiceUrl)) {
        throw new WebhookVerificationException("the Bot Framework token has no serviceUrl claim;"
            + " a token from Bot Framework always names the activity's serviceUrl");
      }
      if (!trimSlash(tokenServiceUrl).equals(trimSlash(activityServiceUrl))) {
        throw new WebhookVerificationException("the activity's serviceUrl " + activityServiceUrl
            + " is not the serviceUrl claim of its token (" + tokenServiceUrl + ")");
      }
      if (!endorsements.isEmpty() && channelId.isPresent() && !endorsements.contains(channelId.get())) {
        throw new WebhookVerificationException("the token's signing key is not endorsed for channel \""
            + channelId.get() + "\" (endorsed: " + endorsements + ")");
      }
    }

    private static String trimSlash(String s) {
      return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
  }

  static Verified verify(Optional<String> authorization, TeamsBot bot, TeamsConfig config) {
    String header = authorization.map(String::strip).orElseThrow(() -> new WebhookVerificationException(
        "missing Authorization header: Bot Framework sends \"Bearer <JWT>\" with every activity"));
    if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw new WebhookVerificationException("the Authorization header must be \"Bearer <JWT>\"");
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(header.substring(PREFIX.length()).strip());
    } catch (ParseException e) {
      throw new WebhookVerificationException("the bearer token is not a signed JWT (" + e.getMessage()
          + "); unsigned tokens (alg \"none\") are never accepted");
    }
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    if (!JWSAlgorithm.RS256.equals(alg)) {
      throw new WebhookVerificationException("the token is signed with " + alg
          + "; Bot Framework signs with RS256 only");
    }
    String kid = jwt.getHeader().getKeyID();
    if (kid == null) {
      throw new WebhookVerificationException("the token's header names no key (kid)");
    }
    BotFrameworkKeys.Entry key = config.keys().find(kid).orElseThrow(() -> new WebhookVerificationException(
        "the token is signed with key \"" + kid + "\", which is not in the Bot Framework key set;"
            + " refresh the keys from the OpenID configuration if Microsoft rotated them"));
    try {
      if (!jwt.verify(new RSASSAVerifier(key.key()))) {
        throw new WebhookVerificationException("the token's signature does not match key \"" + kid
            + "\": it was changed or signed by someone else");
      }
    } catch (JOSEException e) {
      throw new WebhookVerificationException("the token's signature cannot be checked with key \""
          + kid + "\": " + e.getMessage());
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new WebhookVerificationException("the token's claims are not valid JSON: " + e.getMessage());
    }
    checkClaims(claims, bot, config);
    return new Verified(claims, key.endorsements());
  }

  private static void checkClaims(JWTClaimsSet claims, TeamsBot bot, TeamsConfig config) {
    if (!config.issuer().equals(claims.getIssuer())) {
      throw new WebhookVerificationException("the token's issuer is " + quote(claims.getIssuer())
          + ", expected " + config.issuer());
    }
    if (claims.getAudience() == null || claims.getAudience().stream()
        .noneMatch(a -> a.equalsIgnoreCase(bot.appId()))) {
      throw new WebhookVerificationException("the token is for audience " + claims.getAudience()
          + ", not this bot's App ID " + bot.appId() + "; check the account's bot registration");
    }
    Instant now = config.clock().instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw new WebhookVerificationException("the token has no expiry (exp)");
    }
    if (now.isAfter(exp.toInstant().plus(config.clockSkew()))) {
      throw new WebhookVerificationException("the token expired at " + exp.toInstant() + " (now "
          + now + ", allowed skew " + config.clockSkew() + ")");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.isBefore(nbf.toInstant().minus(config.clockSkew()))) {
      throw new WebhookVerificationException("the token is not valid before " + nbf.toInstant()
          + " (now " + now + ", allowed skew " + config.clockSkew() + ")");
    }
  }

  private static String quote(String s) {
    return s == null ? "missing" : "\"" + s + "\"";
  }
}
