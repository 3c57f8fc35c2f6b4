package io.openchannel.adapters.jdbc;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.OpenChannelException;
import java.sql.SQLException;

/**
 * Turns a driver's {@link SQLException} into what the Store SPI promises: a lost race is a
 * {@link ConcurrentUpdateException} the engine retries, anything else a
 * {@link JdbcStoreException}.
 */
final class SqlErrors {
  private static final int MARIADB_DEADLOCK = 1213;
  private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;
  private static final int H2_CONCURRENT_UPDATE = 90131;
  private static final int H2_LOCK_TIMEOUT = 50200;

  private SqlErrors() {}

  static OpenChannelException translate(SQLException e, String doing) {
    if (isLostRace(e)) {
      return new ConcurrentUpdateException(doing + " lost a race with another transaction ("
          + e.getMessage() + "); run the work again", e);
    }
    return new JdbcStoreException(doing + " failed: " + e.getMessage(), e);
  }

  /**
   * Integrity violations (class 23: a unique value another transaction took first), serialization
   * failures and deadlocks (40001, 40P01, MariaDB 1213), lock wait timeouts, and H2's
   * "concurrent update".
   */
  static boolean isLostRace(SQLException e) {
    // A batch reports the failing row's error as its next exception or its cause.
    if (e.getCause() instanceof SQLException cause && cause != e && isLostRace(cause)) {
      return true;
    }
    for (SQLException s = e; s != null; s = s.getNextException()) {
      String state = s.getSQLState();
      if (state != null && (state.startsWith("23") || state.equals("40001")
          || state.equals("40P01"))) {
        return true;
      }
      int code = s.getErrorCode();
      if (code == MARIADB_DEADLOCK || code == MARIADB_LOCK_WAIT_TIMEOUT
          || code == H2_CONCURRENT_UPDATE || code == H2_LOCK_TIMEOUT) {
        return true;
      }
      if (s.getNextException() == s) {
        break;
      }
    }
    return false;
  }
}
