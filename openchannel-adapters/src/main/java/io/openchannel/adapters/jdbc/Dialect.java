package io.openchannel.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases {@link JdbcStore} runs on, and what differs between them: the migration scripts,
 * how a sequence is read, how a migration takes its lock, and which errors mean "a concurrent
 * transaction won".
 *
 * <p>{@link JdbcStore.Builder} detects the dialect from the connection's metadata; set it only
 * to override the detection (a proxy driver that reports another product name, say).
 */
public enum Dialect {
  /** H2 2.x, embedded (file or memory) or server. */
  H2("h2", "NEXT VALUE FOR oc_seq"),
  /** PostgreSQL 12 or newer. */
  POSTGRESQL("postgresql", "nextval('oc_seq')"),
  /** MariaDB 10.6 or newer (sequences, InnoDB). */
  MARIADB("mariadb", "NEXT VALUE FOR oc_seq");

  private final String folder;
  private final String nextSeq;

  Dialect(String folder, String nextSeq) {
    this.folder = folder;
    this.nextSeq = nextSeq;
  }

  /**
   * The classpath folder of this dialect's migration scripts, named like Flyway's
   * ({@code V<n>__<description>.sql}): {@code io/openchannel/adapters/jdbc/migration/<dialect>}.
   * Hosts that run migrations with Flyway point its {@code locations} at
   * {@code classpath:} plus this folder.
   */
  public String migrationFolder() {
    return "io/openchannel/adapters/jdbc/migration/" + folder;
  }

  /** SQL that draws the next value of the insert-order sequence. */
  String nextSeq() {
    return nextSeq;
  }

  /**
   * The dialect of the database behind {@code connection}.
   *
   * @throws JdbcStoreException if the database is none of H2, PostgreSQL and MariaDB
   */
  public static Dialect of(Connection connection) {
    String product;
    try {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read the database's product name to pick a dialect; "
          + "set JdbcStore.builder(...).dialect(...) explicitly", e);
    }
    String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (p.contains("h2")) {
      return H2;
    }
    if (p.contains("postgres")) {
      return POSTGRESQL;
    }
    if (p.contains("mariadb")) {
      return MARIADB;
    }
    throw new JdbcStoreException("database \"" + product + "\" is not supported: openchannel's "
        + "JDBC store runs on H2, PostgreSQL and MariaDB");
  }
}
