package io.openchannel.adapters.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The free-text words of a query as one SQL condition on {@code oc_interaction i}, shaped so the
 * database reads few rows whatever the words' frequency. Every word must start a word of the
 * interaction's messages or of its contact; the condition says so in one of two forms:
 *
 * <ul>
 *   <li><b>pick</b> the interactions of the rarest word from the word tables ({@code i.id IN
 *       (... UNION ...)}), when it has fewer than {@code pickLimit} word rows: the database
 *       reads those rows and the interactions they name, and checks the other words by probe;
 *   <li><b>probe</b> each word per interaction ({@code EXISTS} on the {@code (owner, word)}
 *       indexes), when every word is common: walking the page's order then finds a page of
 *       matches after a few rows each, where picking would read every one of tens of thousands
 *       of matches first.
 * </ul>
 *
 * Both forms select the same interactions; only the work differs. One query counts each word's
 * message rows and contact interactions up to {@code pickLimit}, so it costs at most that many
 * index entries a word. A word no contact has is probed on the messages alone: a plain
 * {@code EXISTS} the planner may run as a semi-join (PostgreSQL hashes the word's rows when a
 * count must read tens of thousands of candidates, and walks per row for a page), and one index
 * probe a row instead of two. A word some contact has keeps both probes; on PostgreSQL and H2 as
 * a set operation inside {@code EXISTS}, which keeps PostgreSQL from hashing every match of a
 * misjudged probe, on MariaDB as two {@code EXISTS}, because MariaDB runs a set operation in a
 * subquery per row at many times the cost of an index probe.
 */
final class TextSearch {
  /** Fewer word rows than this: pick the rarest word's interactions. */
  static final int DEFAULT_PICK_LIMIT = 10_000;

  private static final String MESSAGE_ROWS =
      "SELECT w.interaction_id FROM oc_message_word w WHERE w.word LIKE ? ESCAPE '!'";
  private static final String CONTACT_ROWS = "SELECT c.id FROM oc_contact_word w JOIN "
      + "oc_interaction c ON c.contact_id = w.contact_id WHERE w.word LIKE ? ESCAPE '!'";
  private static final String MESSAGE_PROBE = "SELECT 1 FROM oc_message_word w WHERE "
      + "w.interaction_id = i.id AND w.word LIKE ? ESCAPE '!'";
  private static final String CONTACT_PROBE = "SELECT 1 FROM oc_contact_word w WHERE "
      + "w.contact_id = i.contact_id AND w.word LIKE ? ESCAPE '!'";

  private final String condition;
  private final List<Object> params;
  private final boolean probesEveryWord;

  private TextSearch(String condition, List<Object> params, boolean probesEveryWord) {
    this.condition = condition;
    this.params = params;
    this.probesEveryWord = probesEveryWord;
  }

  /** The condition for {@code words} (at least one), chosen by their frequency in {@code tx}. */
  static TextSearch of(JdbcTransaction tx, List<String> words, int pickLimit) {
    List<String> patterns = words.stream().map(SearchWords::prefixPattern).toList();
    if (tx.dialect() == Dialect.POSTGRESQL) {
      // A generic plan (the driver prepares a statement on the server after a few runs, and
      // PostgreSQL then plans it once for any parameters) cannot read an index range for
      // "LIKE ?": it would probe every candidate row even where hashing a word's index range
      // costs a tenth. Parallel workers cost a page that stops after 51 rows many times its
      // serial walk (10 ms serial, 50-130 ms with two workers for "where order" on a million
      // interactions), and a count stopped at its limit gains nothing from them either.
      // Both settings end with this transaction.
      tx.queryOne("planning the search for its words",
          "SELECT set_config('plan_cache_mode', 'force_custom_plan', true), "
              + "set_config('max_parallel_workers_per_gather', '0', true)",
          rs -> rs.getString(1));
    }
    Frequency[] frequencies = frequencies(tx, patterns, Math.max(pickLimit, 1));
    int rarest = pickLimit > 0 ? rarest(frequencies, pickLimit) : -1;
    List<String> parts = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (rarest >= 0) {
      // A plain select over the union, not the union itself: MariaDB turns IN (a UNION) into a
      // probe per interaction, but materialises a derived table once.
      parts.add("i.id IN (SELECT p.interaction_id FROM (" + MESSAGE_ROWS + " UNION "
          + CONTACT_ROWS + ") p)");
      values.add(patterns.get(rarest));
      values.add(patterns.get(rarest));
    }
    for (int k = 0; k < patterns.size(); k++) {
      if (k == rarest) {
        continue;
      }
      String pattern = patterns.get(k);
      values.add(pattern);
      if (frequencies[k].contactInteractions() == 0) {
        parts.add("EXISTS (" + MESSAGE_PROBE + ")");
        continue;
      }
      values.add(pattern);
      parts.add(tx.dialect() == Dialect.MARIADB
          ? "(EXISTS (" + MESSAGE_PROBE + ") OR EXISTS (" + CONTACT_PROBE + "))"
          : "EXISTS (" + MESSAGE_PROBE + " UNION ALL " + CONTACT_PROBE + ")");
    }
    return new TextSearch(String.join(" AND ", parts), values, rarest < 0);
  }

  /** A word's message rows and its contacts' interactions, each counted up to a limit. */
  private record Frequency(long messageRows, long contactInteractions) {
    long rows() {
      return messageRows + contactInteractions;
    }
  }

  private static Frequency[] frequencies(JdbcTransaction tx, List<String> patterns, int limit) {
    List<String> columns = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (String pattern : patterns) {
      columns.add("(SELECT COUNT(*) FROM (" + MESSAGE_ROWS + " LIMIT ?) m)");
      columns.add("(SELECT COUNT(*) FROM (" + CONTACT_ROWS + " LIMIT ?) k)");
      values.add(pattern);
      values.add(limit);
      values.add(pattern);
      values.add(limit);
    }
    return tx.queryOne("estimating how common the search words are",
        "SELECT " + String.join(", ", columns),
        rs -> {
          Frequency[] f = new Frequency[patterns.size()];
          for (int k = 0; k < f.length; k++) {
            f[k] = new Frequency(rs.getLong(2 * k + 1), rs.getLong(2 * k + 2));
          }
          return f;
        }, values.toArray()).orElseThrow();
  }

  /** The index of the word with the fewest rows if it has fewer than {@code limit}, else -1. */
  private static int rarest(Frequency[] frequencies, int limit) {
    int best = -1;
    for (int k = 0; k < frequencies.length; k++) {
      long rows = frequencies[k].rows();
      if (rows < limit && (best < 0 || rows < frequencies[best].rows())) {
        best = k;
      }
    }
    return best;
  }

  String condition() {
    return condition;
  }

  List<Object> params() {
    return params;
  }

  /** Whether every word is probed per interaction: no word is rare enough to pick from. */
  boolean probesEveryWord() {
    return probesEveryWord;
  }
}
