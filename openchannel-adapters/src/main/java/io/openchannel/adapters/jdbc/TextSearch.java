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
 *   <li><b>probe</b> each word per interaction ({@code EXISTS (... UNION ALL ...)} on the
 *       {@code (owner, word)} indexes), when every word is common: walking the page's order
 *       then finds a page of matches after a few rows each, where picking would read every one
 *       of tens of thousands of matches first.
 * </ul>
 *
 * Both forms select the same interactions; only the work differs. The frequency comes from one
 * query that counts each word's rows up to {@code pickLimit}, so it costs at most that many index
 * entries a word. A set operation inside {@code EXISTS} also keeps PostgreSQL from turning the
 * probe into a hash of every match, which it does for a plain {@code EXISTS} it misjudges.
 */
final class TextSearch {
  /** Fewer word rows than this: pick the rarest word's interactions. */
  static final int DEFAULT_PICK_LIMIT = 10_000;

  private static final String MESSAGE_ROWS =
      "SELECT w.interaction_id FROM oc_message_word w WHERE w.word LIKE ? ESCAPE '!'";
  private static final String CONTACT_ROWS = "SELECT c.id FROM oc_contact_word w JOIN "
      + "oc_interaction c ON c.contact_id = w.contact_id WHERE w.word LIKE ? ESCAPE '!'";

  private final String condition;
  private final List<Object> params;

  private TextSearch(String condition, List<Object> params) {
    this.condition = condition;
    this.params = params;
  }

  /** The condition for {@code words} (at least one), chosen by their frequency in {@code tx}. */
  static TextSearch of(JdbcTransaction tx, List<String> words, int pickLimit) {
    List<String> patterns = words.stream().map(SearchWords::prefixPattern).toList();
    int rarest = pickLimit > 0 ? rarest(tx, patterns, pickLimit) : -1;
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
      if (k != rarest) {
        parts.add("EXISTS (SELECT 1 FROM oc_message_word w WHERE w.interaction_id = i.id AND "
            + "w.word LIKE ? ESCAPE '!' UNION ALL SELECT 1 FROM oc_contact_word w WHERE "
            + "w.contact_id = i.contact_id AND w.word LIKE ? ESCAPE '!')");
        values.add(patterns.get(k));
        values.add(patterns.get(k));
      }
    }
    return new TextSearch(String.join(" AND ", parts), values);
  }

  /** The index of the word with the fewest rows if it has fewer than {@code limit}, else -1. */
  private static int rarest(JdbcTransaction tx, List<String> patterns, int limit) {
    List<String> columns = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (String pattern : patterns) {
      columns.add("(SELECT COUNT(*) FROM (" + MESSAGE_ROWS + " LIMIT ?) m) + (SELECT COUNT(*) "
          + "FROM (" + CONTACT_ROWS + " LIMIT ?) k)");
      values.add(pattern);
      values.add(limit);
      values.add(pattern);
      values.add(limit);
    }
    long[] counts = tx.queryOne("estimating how common the search words are",
        "SELECT " + String.join(", ", columns),
        rs -> {
          long[] c = new long[patterns.size()];
          for (int k = 0; k < c.length; k++) {
            c[k] = rs.getLong(k + 1);
          }
          return c;
        }, values.toArray()).orElseThrow();
    int best = -1;
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] < limit && (best < 0 || counts[k] < counts[best])) {
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
}
