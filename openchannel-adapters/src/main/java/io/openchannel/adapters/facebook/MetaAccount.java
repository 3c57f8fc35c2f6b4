package io.openchannel.adapters.facebook;

/**
 * The Meta side of one openchannel account: a Page's or an Instagram account's id and its
 * access token. The token never appears in {@link #toString()}.
 */
record MetaAccount(String id, String token) {
  @Override
  public String toString() {
    return "MetaAccount[" + id + "]";
  }
}
