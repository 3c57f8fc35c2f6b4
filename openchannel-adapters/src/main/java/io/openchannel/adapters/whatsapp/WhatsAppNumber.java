package io.openchannel.adapters.whatsapp;

import io.openchannel.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One WhatsApp business phone number on the Cloud API, as the Meta app dashboard shows it.
 * Immutable; {@link #toString()} never shows the secrets.
 *
 * @param phoneNumberId the number's id (digits; not the phone number itself): the path of every
 *     send, and the {@code metadata.phone_number_id} of the webhooks meant for this account
 * @param wabaId the WhatsApp Business Account id (digits), the {@code entry[].id} of webhooks;
 *     kept for the host's records, since webhooks are matched to the account by
 *     {@code phoneNumberId}, which belongs to exactly one WABA
 * @param accessToken a system user's access token with {@code whatsapp_business_messaging}; sent
 *     as {@code Authorization: Bearer} on every call and media download
 * @param appSecret the Meta app's secret, the key of the {@code X-Hub-Signature-256} HMAC
 * @param verifyToken the token typed into the dashboard's webhook settings; Meta echoes it in
 *     the {@code hub.verify_token} of the subscription handshake
 */
public record WhatsAppNumber(
    String phoneNumberId, String wabaId, String accessToken, String appSecret, String verifyToken) {
  private static final Pattern GRAPH_ID = Pattern.compile("[0-9]{1,30}");
  /** Visible ASCII only: it goes into an HTTP header. */
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,4096}");
  private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7E]{1,256}");

  /**
   * Validates every field.
   *
   * @throws InvalidInputException naming the field that is wrong and where to find the right value
   */
  public WhatsAppNumber {
    Objects.requireNonNull(phoneNumberId, "phoneNumberId");
    Objects.requireNonNull(wabaId, "wabaId");
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(appSecret, "appSecret");
    Objects.requireNonNull(verifyToken, "verifyToken");
    if (!GRAPH_ID.matcher(phoneNumberId).matches()) {
      throw new InvalidInputException("phoneNumberId must be the digits of the number's id from"
          + " WhatsApp > API Setup (not the phone number itself), got \"" + abbreviate(phoneNumberId)
          + "\"");
    }
    if (!GRAPH_ID.matcher(wabaId).matches()) {
      throw new InvalidInputException("wabaId must be the digits of the WhatsApp Business Account"
          + " id from WhatsApp > API Setup, got \"" + abbreviate(wabaId) + "\"");
    }
    if (!TOKEN.matcher(accessToken).matches()) {
      throw new InvalidInputException("accessToken must be 1-4096 visible ASCII characters without"
          + " spaces (a system user token; do not include \"Bearer \"), got " + accessToken.length()
          + " characters");
    }
    if (!SECRET.matcher(appSecret).matches()) {
      throw new InvalidInputException("appSecret must be 1-256 visible ASCII characters without"
          + " spaces (App settings > Basic > App secret), got " + appSecret.length() + " characters");
    }
    if (!SECRET.matcher(verifyToken).matches()) {
      throw new InvalidInputException("verifyToken must be 1-256 visible ASCII characters without"
          + " spaces, the same string as in the app's webhook settings, got " + verifyToken.length()
          + " characters");
    }
  }

  @Override
  public String toString() {
    return "WhatsAppNumber[phoneNumberId=" + phoneNumberId + ", wabaId=" + wabaId
        + ", token and secrets hidden]";
  }

  private static String abbreviate(String value) {
    return value.length() <= 32 ? value : value.substring(0, 32) + "…";
  }
}
