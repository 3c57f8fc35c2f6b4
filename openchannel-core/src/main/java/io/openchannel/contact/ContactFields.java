package io.openchannel.contact;

import java.util.List;

/**
 * Names of the standard contact fields, usable as an account's map key and in canned answers.
 * Hosts may add their own fields (for example {@code cf_1}).
 */
public final class ContactFields {
  public static final String PHONE = "phone";
  public static final String MOBILE = "mobile";
  public static final String EMAIL = "email";
  public static final String FACEBOOK = "facebook";
  public static final String TWITTER = "twitter";
  public static final String WHATSAPP = "whatsapp";
  public static final String TELEGRAM = "telegram";

  /** The standard fields, in the order UIs usually show them. */
  public static final List<String> STANDARD =
      List.of(PHONE, MOBILE, EMAIL, FACEBOOK, TWITTER, WHATSAPP, TELEGRAM);

  private ContactFields() {}
}
