package io.openchannel.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migrator on each engine: one run creates the schema, racing nodes migrate it once. */
@Timeout(120)
class SchemaMigratorTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aFreshDatabaseGetsEveryVersionOnceAndASecondRunDoesNothing(TestDatabase.Engine engine)
      throws Exception {
    try (TestDatabase db = TestDatabase.fresh(engine)) {
      SchemaMigrator migrator = SchemaMigrator.of(db.dataSource(), dialect(engine));

      assertThat(migrator.migrate()).containsExactly(1, 2, 3);
      assertThat(migrator.migrate()).isEmpty();

      assertThat(recordedVersions(db)).containsExactly(1, 2, 3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void nodesStartingTogetherMigrateTheSchemaExactlyOnce(TestDatabase.Engine engine)
      throws Exception {
    try (TestDatabase db = TestDatabase.fresh(engine)) {
      int nodes = 4;
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(nodes);
      try {
        List<Future<List<Integer>>> runs = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
          Callable<List<Integer>> node = () -> {
            go.await();
            return SchemaMigrator.of(db.dataSource(), dialect(engine)).migrate();
          };
          runs.add(pool.submit(node));
        }
        go.countDown();
        List<List<Integer>> applied = new ArrayList<>();
        for (Future<List<Integer>> run : runs) {
          applied.add(run.get());
        }

        assertThat(applied).filteredOn(List::isEmpty).hasSize(nodes - 1);
        assertThat(applied).filteredOn(a -> !a.isEmpty()).containsExactly(List.of(1, 2, 3));
        assertThat(recordedVersions(db)).containsExactly(1, 2, 3);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aScriptChangedAfterItRanIsRefused(TestDatabase.Engine engine) throws Exception {
    try (TestDatabase db = TestDatabase.fresh(engine)) {
      SchemaMigrator migrator = SchemaMigrator.of(db.dataSource(), dialect(engine));
      migrator.migrate();
      execute(db, "UPDATE oc_schema_version SET checksum = 42 WHERE version = 1");

      assertThatThrownBy(migrator::migrate).isInstanceOf(JdbcStoreException.class)
          .hasMessageContaining("V1__base.sql changed after it ran");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void aSchemaNewerThanTheLibraryIsRefused(TestDatabase.Engine engine) throws Exception {
    try (TestDatabase db = TestDatabase.fresh(engine)) {
      SchemaMigrator migrator = SchemaMigrator.of(db.dataSource(), dialect(engine));
      migrator.migrate();
      execute(db, "INSERT INTO oc_schema_version (version, script, checksum, installed_at) "
          + "VALUES (99, 'V99__future.sql', 0, 0)");

      assertThatThrownBy(migrator::migrate).isInstanceOf(JdbcStoreException.class)
          .hasMessageContaining("at version 99");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void withoutMigrationAStoreOnAnEmptyDatabaseSaysWhereTheScriptsAre(TestDatabase.Engine engine) {
    try (TestDatabase db = TestDatabase.fresh(engine)) {
      assertThatThrownBy(() -> JdbcStore.builder(db.dataSource()).migrate(false).build())
          .isInstanceOf(JdbcStoreException.class)
          .hasMessageContaining("classpath:io/openchannel/adapters/jdbc/migration/"
              + dialect(engine).name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void theDialectIsDetectedFromTheConnection(TestDatabase.Engine engine) {
    try (TestDatabase db = TestDatabase.fresh(engine)) {
      assertThat(JdbcStore.builder(db.dataSource()).build().dialect()).isEqualTo(dialect(engine));
    }
  }

  @Test
  void everyDialectShipsEveryScriptUnderAFlywayName() {
    Pattern flyway = Pattern.compile("V\\d+__[A-Za-z0-9_]+\\.sql");
    for (Dialect dialect : Dialect.values()) {
      for (String script : SchemaMigrator.SCRIPTS) {
        assertThat(script).matches(flyway);
        assertThat(getClass().getClassLoader().getResource(dialect.migrationFolder() + "/" + script))
            .as("%s/%s", dialect.migrationFolder(), script).isNotNull();
      }
    }
  }

  @Test
  void statementsAreSplitAtLineEndingSemicolonsAndCommentsAreDropped() {
    assertThat(SchemaMigrator.statements("-- a; comment\nCREATE TABLE a (x INT);\n\n"
        + "CREATE INDEX b ON a (x);\n-- trailing\n"))
        .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX b ON a (x)");
  }

  static Dialect dialect(TestDatabase.Engine engine) {
    return Dialect.valueOf(engine.name());
  }

  private static List<Integer> recordedVersions(TestDatabase db) throws SQLException {
    List<Integer> versions = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM oc_schema_version ORDER BY version")) {
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
    }
    return versions;
  }

  private static void execute(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.executeUpdate(sql);
    }
  }
}
