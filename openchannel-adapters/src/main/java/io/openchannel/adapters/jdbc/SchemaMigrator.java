package io.openchannel.adapters.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Brings a database's openchannel tables up to date by running the dialect's versioned scripts
 * ({@link Dialect#migrationFolder()}, named {@code V<n>__<description>.sql} like Flyway's) that
 * the table {@code oc_schema_version} does not list yet, in version order, each recorded with a
 * checksum.
 *
 * <p>Safe when several nodes start at once: the migrator holds a lock for the whole run (a
 * PostgreSQL advisory lock per schema, a MariaDB {@code GET_LOCK} per database, on H2 a row lock
 * in {@code oc_schema_lock}), so one node migrates and the others then find nothing left to do.
 * A script whose checksum differs from the one recorded, or a schema newer than this library, is
 * refused with a {@link JdbcStoreException}. On PostgreSQL a script and its record commit
 * together; MariaDB and H2 commit DDL statement by statement, so a script that fails there halfway
 * must be finished by hand.
 *
 * <p>Thread-safe; {@link JdbcStore.Builder#build()} runs it unless told not to.
 */
public final class SchemaMigrator {
  /**
   * The scripts, oldest first; each dialect's folder holds every one of them. Versions may have
   * gaps (a branch that adds a lower version later): each script runs when its version is not
   * recorded, so a database that has V4 still gets a V3 added afterwards.
   */
  static final List<String> SCRIPTS = List.of("V1__base.sql", "V2__cluster.sql", "V3__routing.sql",
      "V4__view.sql", "V5__ingest.sql");

  private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

  private final DataSource dataSource;
  private final Dialect dialect;

  private SchemaMigrator(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** A migrator for the database behind {@code dataSource}, which speaks {@code dialect}. */
  public static SchemaMigrator of(DataSource dataSource, Dialect dialect) {
    return new SchemaMigrator(Objects.requireNonNull(dataSource, "dataSource"),
        Objects.requireNonNull(dialect, "dialect"));
  }

  /** The version the newest script brings the schema to. */
  public static int latestVersion() {
    return version(SCRIPTS.get(SCRIPTS.size() - 1));
  }

  /**
   * Runs the scripts the database lacks and returns their versions (empty when it was up to date).
   *
   * @throws JdbcStoreException if the database fails, a recorded script was changed since it ran,
   *     or the schema is newer than this library
   */
  public List<Integer> migrate() {
    try (Connection lockHolder = dataSource.getConnection()) {
      lock(lockHolder);
      try (Connection c = dataSource.getConnection()) {
        return runPending(c);
      } finally {
        unlock(lockHolder);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("migrating the openchannel schema failed: " + e.getMessage(), e);
    }
  }

  private void lock(Connection c) throws SQLException {
    switch (dialect) {
      case POSTGRESQL -> {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("SELECT pg_advisory_lock(hashtext('openchannel.migrate.' || current_schema()))");
        }
      }
      case MARIADB -> {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT GET_LOCK(" + mariaDbLockName() + ", 600)")) {
          if (!rs.next() || rs.getInt(1) != 1) {
            throw new JdbcStoreException("waited 10 minutes for another node's schema migration "
                + "(MariaDB lock " + mariaDbLockName() + "); check that node, then start again");
          }
        }
      }
      case H2 -> {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE IF NOT EXISTS oc_schema_lock (id INT PRIMARY KEY)");
          s.execute("MERGE INTO oc_schema_lock KEY (id) VALUES (1)");
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          // Held until unlock() ends this transaction: a second migrator waits here.
          s.executeQuery("SELECT id FROM oc_schema_lock WHERE id = 1 FOR UPDATE").close();
        }
      }
    }
  }

  private void unlock(Connection c) throws SQLException {
    switch (dialect) {
      case POSTGRESQL -> {
        try (Statement s = c.createStatement()) {
          s.execute("SELECT pg_advisory_unlock(hashtext('openchannel.migrate.' || current_schema()))");
        }
      }
      case MARIADB -> {
        try (Statement s = c.createStatement()) {
          s.execute("SELECT RELEASE_LOCK(" + mariaDbLockName() + ")");
        }
      }
      case H2 -> {
        c.commit();
        c.setAutoCommit(true);
      }
    }
  }

  /** GET_LOCK names are server-wide and at most 64 characters: one per database. */
  private static String mariaDbLockName() {
    return "CONCAT('oc_migrate.', MD5(DATABASE()))";
  }

  private List<Integer> runPending(Connection c) throws SQLException {
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS oc_schema_version (version INT PRIMARY KEY, "
          + "script VARCHAR(200) NOT NULL, checksum BIGINT NOT NULL, installed_at BIGINT NOT NULL)");
    }
    Map<Integer, Long> applied = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, checksum FROM oc_schema_version")) {
      while (rs.next()) {
        applied.put(rs.getInt(1), rs.getLong(2));
      }
    }
    int newest = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    if (newest > latestVersion()) {
      throw new JdbcStoreException("the database's openchannel schema is at version " + newest
          + " but this library knows versions up to " + latestVersion()
          + "; run a newer openchannel against it");
    }
    List<Integer> ran = new ArrayList<>();
    for (String script : SCRIPTS) {
      int version = version(script);
      String sql = load(script);
      long checksum = checksum(sql);
      Long recorded = applied.get(version);
      if (recorded != null) {
        if (recorded != checksum) {
          throw new JdbcStoreException("migration " + script + " changed after it ran on this "
              + "database (checksum " + recorded + ", now " + checksum + "); never edit a script "
              + "that ran, add a new version instead");
        }
        continue;
      }
      run(c, script, version, sql, checksum);
      ran.add(version);
    }
    return ran;
  }

  private void run(Connection c, String script, int version, String sql, long checksum)
      throws SQLException {
    // PostgreSQL runs DDL in transactions: the script and its record commit together.
    c.setAutoCommit(dialect != Dialect.POSTGRESQL);
    try {
      try (Statement s = c.createStatement()) {
        for (String statement : statements(sql)) {
          s.execute(statement);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO oc_schema_version "
          + "(version, script, checksum, installed_at) VALUES (?, ?, ?, ?)")) {
        ps.setInt(1, version);
        ps.setString(2, script);
        ps.setLong(3, checksum);
        ps.setLong(4, System.currentTimeMillis());
        ps.executeUpdate();
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
      throw new SQLException("migration " + dialect.migrationFolder() + "/" + script + ": "
          + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** The script's statements: comment lines dropped, split at a semicolon that ends a line. */
  static List<String> statements(String sql) {
    StringBuilder kept = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (!line.strip().startsWith("--")) {
        kept.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (String part : kept.toString().split(";\\s*\n")) {
      String statement = part.strip();
      if (statement.endsWith(";")) {
        statement = statement.substring(0, statement.length() - 1).strip();
      }
      if (!statement.isEmpty()) {
        out.add(statement);
      }
    }
    return out;
  }

  String load(String script) {
    String path = dialect.migrationFolder() + "/" + script;
    try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new JdbcStoreException("migration " + path + " is missing from the classpath; "
            + "is openchannel-adapters' jar complete?");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new JdbcStoreException("cannot read migration " + path + ": " + e.getMessage(), e);
    }
  }

  static long checksum(String sql) {
    CRC32 crc = new CRC32();
    crc.update(sql.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  static int version(String script) {
    Matcher m = NAME.matcher(script);
    if (!m.matches()) {
      throw new IllegalStateException("migration " + script + " is not named V<n>__<name>.sql");
    }
    return Integer.parseInt(m.group(1));
  }
}
