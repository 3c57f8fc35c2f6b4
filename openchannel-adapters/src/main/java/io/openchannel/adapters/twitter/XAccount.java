package io.openchannel.adapters.twitter;

import io.openchannel.InvalidInputException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One X account whose direct messages an openchannel account handles.
 *
 * @param userId the account's numeric X user id: the {@code for_user_id} of its webhook events,
 *     and the sender of its own echoes
 * @param consumerSecret the app's consumer (API key) secret, which keys the CRC answer and the
 *     {@code x-twitter-webhooks-signature}; never printed
 * @param userToken gives a current OAuth 2.0 user access token (scope {@code dm.write}) for each
 *     send; the host refreshes it. Called from the dispatcher thread; must be thread-safe
 */
public record XAccount(String userId, String consumerSecret, Supplier<String> userToken) {
  /** Validates the account. */
  public XAccount {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(consumerSecret, "consumerSecret");
    Objects.requireNonNull(userToken, "userToken");
    if (!userId.matches("[0-9]{1,20}")) {
      throw new InvalidInputException("an X user id is numeric (the for_user_id of its events), got \""
          + userId + "\"");
    }
    if (consumerSecret.isBlank()) {
      throw new InvalidInputException("the consumer secret of X user " + userId + " is blank");
    }
  }

  /** Keeps the secret and token out of logs. */
  @Override
  public String toString() {
    return "XAccount[userId=" + userId + "]";
  }
}
