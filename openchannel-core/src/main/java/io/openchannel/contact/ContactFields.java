package io.openchannel.contact;

import java.util.List;

/**
 * Names of the standard contact fields, usable as an account's map key and in canned answers.
 * Hosts may add their own fields (for example {@code cf_1}).
 */
public final class ContactFields {
  /** A phone number. */
  public static final String PHONE = "phone";
  /** A mobile phone number. */
  public static final String MOBILE = "mobile";
  /** An e-mail address. */
  public static final String EMAIL = "email";
  /** A Facebook id. */
  public static final String FACEBOOK = "facebook";
  /** An X (Twitter) handle or id. */
  public static final String TWITTER = "twitter";
  /** A WhatsApp id (wa_id). */
  public static final String WHATSAPP = "whatsapp";
  /** A Telegram user or chat id. */
  public static final String TELEGRAM = "telegram";

  /** The standard fields, in the order UIs usually show them. */
  public static final List<String> STANDARD =
      List.of(PHONE, MOBILE, EMAIL, FACEBOOK, TWITTER, WHATSAPP, TELEGRAM);

  private ContactFields() {}
}
