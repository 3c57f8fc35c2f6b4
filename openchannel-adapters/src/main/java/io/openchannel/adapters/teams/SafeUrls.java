package io.openchannel.adapters.teams;

import io.openchannel.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where we may send a bot token: https anywhere, plain http only to this machine (the fake
 * platforms of tests). A {@code serviceUrl} comes from the activity, so without this check a
 * forged or misrouted activity could make us hand our token to any host.
 */
final class SafeUrls {
  private SafeUrls() {}

  static URI requireHttps(URI url, String what) {
    Objects.requireNonNull(url, what);
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost();
    if (host == null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
      throw new InvalidInputException(what + " must be an absolute URL with a host and no user"
          + " info, got " + url);
    }
    if (scheme.equals("https") || (scheme.equals("http") && isLoopback(host))) {
      return url;
    }
    throw new InvalidInputException(what + " must use https (plain http is allowed only on"
        + " loopback), got " + url);
  }

  /** Only literal loopback names: resolving a name here could be steered by DNS. */
  private static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup happens
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** The URL as a base ending in exactly one slash. */
  static String base(URI url) {
    String s = url.toString();
    return s.endsWith("/") ? s : s + "/";
  }
}
