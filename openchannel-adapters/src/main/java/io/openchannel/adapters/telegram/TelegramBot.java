package io.openchannel.adapters.telegram;

import io.openchannel.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One Telegram bot: the token BotFather gave and the {@code secret_token} passed to
 * {@code setWebhook}. Immutable; {@link #toString()} never shows either secret.
 *
 * @param token the bot token, {@code <digits>:<A-Za-z0-9_->} (it becomes part of URL paths, so
 *     nothing else is accepted)
 * @param secretToken the webhook secret, 1–256 characters of {@code A-Za-z0-9_-} as Telegram
 *     requires; Telegram echoes it in every update's {@code X-Telegram-Bot-Api-Secret-Token}
 */
public record TelegramBot(String token, String secretToken) {
  private static final Pattern TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{1,200}");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

  /**
   * Validates both secrets.
   *
   * @throws InvalidInputException if either does not have Telegram's shape
   */
  public TelegramBot {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(secretToken, "secretToken");
    if (!TOKEN.matcher(token).matches()) {
      throw new InvalidInputException("a Telegram bot token looks like 123456789:AAH-x_y (digits, a colon,"
          + " then letters, digits, _ or -); copy it from BotFather");
    }
    if (!SECRET.matcher(secretToken).matches()) {
      throw new InvalidInputException("the webhook secret token must be 1-256 characters of A-Z, a-z, 0-9,"
          + " _ and - (Telegram's rule for setWebhook's secret_token), got " + secretToken.length()
          + " characters");
    }
  }

  /** The bot's numeric id, the part of the token before the colon; safe to log. */
  public String botId() {
    return token.substring(0, token.indexOf(':'));
  }

  @Override
  public String toString() {
    return "TelegramBot[" + botId() + ", token and secret hidden]";
  }
}
