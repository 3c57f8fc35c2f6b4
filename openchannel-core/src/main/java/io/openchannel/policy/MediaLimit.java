package io.openchannel.policy;

import io.openchannel.internal.util.Checks;
import java.util.Set;

/**
 * What a channel accepts for one {@link MediaKind}. Immutable.
 *
 * @param maxBytes the largest file of this kind ({@link Long#MAX_VALUE} if the channel sets none)
 * @param acceptedTypes the MIME types accepted, normalized as by {@link MediaKind#normalize}; empty
 *     means any type of this kind
 */
public record MediaLimit(long maxBytes, Set<String> acceptedTypes) {

  /**
   * Validates the limit and copies the types.
   *
   * @throws io.openchannel.InvalidInputException if {@code maxBytes} is not positive or a type is
   *     null or not normalized
   */
  public MediaLimit {
    Checks.check(maxBytes > 0, "maxBytes must be positive, got " + maxBytes);
    Checks.notNull(acceptedTypes, "acceptedTypes");
    for (String type : acceptedTypes) {
      Checks.check(type != null && type.equals(MediaKind.normalize(type)),
          "accepted types must be normalized MIME types such as image/png, got " + type);
    }
    acceptedTypes = Set.copyOf(acceptedTypes);
  }

  /** Files of this kind up to {@code maxBytes}, of any type. */
  public static MediaLimit anyType(long maxBytes) {
    return new MediaLimit(maxBytes, Set.of());
  }

  /** Files of this kind up to {@code maxBytes}, of the given types only. */
  public static MediaLimit only(long maxBytes, String... types) {
    return new MediaLimit(maxBytes, Set.of(types));
  }

  /** Whether a (normalized) MIME type is accepted. */
  public boolean accepts(String normalizedType) {
    return acceptedTypes.isEmpty() || acceptedTypes.contains(normalizedType);
  }
}
