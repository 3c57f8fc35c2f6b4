package io.openchannel.adapters.teams;

import io.openchannel.InvalidInputException;
import java.util.Objects;

/**
 * One bot registration: its Microsoft App ID (the audience of the tokens Bot Framework sends us,
 * and our client id when we ask for a token to send) and its client secret.
 *
 * @param appId the bot's Microsoft App ID, a GUID
 * @param appPassword the bot's client secret; never printed
 */
public record TeamsBot(String appId, String appPassword) {
  /** Validates the registration. */
  public TeamsBot {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(appPassword, "appPassword");
    if (!appId.strip().matches("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")) {
      throw new InvalidInputException("a Microsoft App ID is a GUID such as"
          + " 00000000-0000-0000-0000-000000000000, got \"" + appId + "\"");
    }
    if (appPassword.isBlank()) {
      throw new InvalidInputException("the bot's app password (client secret) of " + appId + " is blank");
    }
    appId = appId.strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** Keeps the secret out of logs. */
  @Override
  public String toString() {
    return "TeamsBot[appId=" + appId + "]";
  }
}
