package io.openchannel.adapters.jdbc;

import io.openchannel.InvalidInputException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Parameter binding and column reading shared by the tables. */
final class Sql {
  /** A typed SQL NULL: some drivers need the type of a null parameter. */
  record Null(int type) {}

  static final Null NULL_TEXT = new Null(Types.VARCHAR);
  static final Null NULL_BIGINT = new Null(Types.BIGINT);

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private Sql() {}

  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      int at = i + 1;
      if (p instanceof String s) {
        ps.setString(at, s);
      } else if (p instanceof Long l) {
        ps.setLong(at, l);
      } else if (p instanceof Integer n) {
        ps.setInt(at, n);
      } else if (p instanceof Boolean b) {
        ps.setBoolean(at, b);
      } else if (p instanceof Null n) {
        ps.setNull(at, n.type());
      } else if (p instanceof java.sql.Array a) {
        ps.setArray(at, a);
      } else {
        throw new IllegalArgumentException("no SQL binding for " + p);
      }
    }
  }

  static Object text(Optional<String> value) {
    return value.isPresent() ? value.get() : NULL_TEXT;
  }

  static Object nanos(Optional<Instant> value) {
    return value.isPresent() ? nanos(value.get()) : NULL_BIGINT;
  }

  /**
   * An instant as nanoseconds since the epoch: exact to the nanosecond, and ordered like the
   * instants, from 1677 to 2262.
   */
  static long nanos(Instant at) {
    try {
      return Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS_PER_SECOND), at.getNano());
    } catch (ArithmeticException e) {
      throw new InvalidInputException("instant " + at + " is outside the years 1677 to 2262 that "
          + "the JDBC store keeps to the nanosecond; use a time within them");
    }
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND),
        Math.floorMod(nanos, NANOS_PER_SECOND));
  }

  static Optional<String> optionalText(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    long nanos = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(instant(nanos));
  }

  /** At most {@code max} UTF-16 units of {@code value}, never cutting a surrogate pair. */
  static String prefix(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end);
  }
}
