package io.openchannel.examples.bench;

import io.openchannel.query.SearchText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows the engine writes for a batch of inbound messages from customers who each have an
 * open interaction, written by plain JDBC batches ({@code addBatch}, one transaction) and nothing
 * else: per message its {@code oc_message} row and its {@code oc_message_word} rows (the same
 * words, from {@link SearchText}), the customer's {@code oc_interaction} row updated in the
 * columns the engine sets (last message, its time and the view's sort time change; the rest is
 * written again unchanged, as the engine does), and the {@code oc_conversation} row updated in
 * the columns the engine sets (its last inbound time changes). No reads, no locks, no version
 * checks, no events: what is left is the price of the rows themselves.
 *
 * <p>How it was matched: the engine's statements for a steady-state {@code receiveAll} were
 * recorded by wrapping its {@code DataSource} ({@code JdbcIngestStatementsTest} in the adapters'
 * tests pins them): four reads (dedupe, account, conversations and interactions, the last two
 * {@code FOR UPDATE}) and four writes, which are the four statements here, with the same tables,
 * the same SET columns and one row per message (per word for the words).
 */
final class IngestFloor {
  private final String[] interactions;
  private final String[] conversations;
  private final String[] interactionRows; // visibility, origin, status as stored, joined by '|'
  private final long[] startedAt;
  private final String[] tags;
  private final int[] interactionCounts;
  private final long[] createdAt;
  private final String account;
  private final String text;
  private final String textNorm;
  private final List<String> words;
  private long ids;

  /** Reads the open interactions and conversations of {@code addresses} on {@code account}. */
  IngestFloor(Connection c, String account, List<String> addresses, String text)
      throws SQLException {
    int n = addresses.size();
    this.account = account;
    this.text = text;
    this.textNorm = SearchText.normalize(text);
    this.words = List.copyOf(distinctWords(text));
    interactions = new String[n];
    conversations = new String[n];
    interactionRows = new String[n];
    startedAt = new long[n];
    tags = new String[n];
    interactionCounts = new int[n];
    createdAt = new long[n];
    try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.open_interaction, "
        + "c.interaction_count, c.created_at, i.visibility, i.origin, i.status, i.started_at, "
        + "i.tags FROM oc_conversation c JOIN oc_interaction i ON i.id = c.open_interaction "
        + "WHERE c.account_id = ? AND c.address = ?")) {
      for (int k = 0; k < n; k++) {
        ps.setString(1, account);
        ps.setString(2, addresses.get(k));
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("no open interaction for " + addresses.get(k));
          }
          conversations[k] = rs.getString(1);
          interactions[k] = rs.getString(2);
          interactionCounts[k] = rs.getInt(3);
          createdAt[k] = rs.getLong(4);
          interactionRows[k] = rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getString(7);
          startedAt[k] = rs.getLong(8);
          tags[k] = rs.getString(9);
        }
      }
    }
  }

  private static Set<String> distinctWords(String text) {
    return new LinkedHashSet<>(SearchText.words(text));
  }

  /**
   * Writes {@code batch} messages, message {@code m} from customer {@code m % customers}, in one
   * transaction on {@code c}; returns the number of messages.
   */
  int write(Connection c, long first, int batch, long nowNanos, long sentNanos)
      throws SQLException {
    c.setAutoCommit(false);
    int n = interactions.length;
    try (PreparedStatement conv = c.prepareStatement("UPDATE oc_conversation SET "
            + "open_interaction = ?, interaction_count = ?, unmanaged_count = ?, created_at = ?, "
            + "last_inbound_at = ?, sent_after_window = ?, version = version + 1 WHERE id = ?");
        PreparedStatement inter = c.prepareStatement("UPDATE oc_interaction SET visibility = ?, "
            + "origin = ?, status = ?, started_at = ?, first_agent = ?, owner_agent = ?, "
            + "is_read = ?, tags = ?, last_message_at = ?, last_message = ?, last_direction = ?, "
            + "sort_at = ?, closed_at = ?, disposition = ?, version = version + 1 WHERE id = ?");
        PreparedStatement msg = c.prepareStatement("INSERT INTO oc_message (id, interaction_id, "
            + "account_id, direction, kind, body, body_norm, attachment, author, auto_reply, "
            + "canned, channel_message_id, delivery_status, failure_reason, template, send_terms, "
            + "created_at, seq, queue_seq, version) VALUES (?, ?, ?, 'IN', 'TEXT', ?, ?, NULL, "
            + "NULL, FALSE, FALSE, ?, NULL, NULL, NULL, NULL, ?, nextval('oc_seq'), NULL, 0)");
        PreparedStatement word = c.prepareStatement(
            "INSERT INTO oc_message_word (message_id, interaction_id, word) VALUES (?, ?, ?)")) {
      List<String[]> messages = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        long m = first + i;
        int k = (int) (m % n);
        String id = String.format("FLOOR%021d", ids++); // as long as an engine id, ordered too
        messages.add(new String[] {id, interactions[k], "floor-mid-" + m});
        conv.setString(1, interactions[k]);
        conv.setInt(2, interactionCounts[k]);
        conv.setInt(3, 0);
        conv.setLong(4, createdAt[k]);
        conv.setLong(5, sentNanos);
        conv.setInt(6, 0);
        conv.setString(7, conversations[k]);
        conv.addBatch();
        String[] row = interactionRows[k].split("\\|");
        inter.setString(1, row[0]);
        inter.setString(2, row[1]);
        inter.setString(3, row[2]);
        inter.setLong(4, startedAt[k]);
        inter.setString(5, null);
        inter.setString(6, null);
        inter.setBoolean(7, false);
        inter.setString(8, tags[k]);
        inter.setLong(9, nowNanos);
        inter.setString(10, "{\"messageId\":\"" + id + "\",\"at\":\"" + java.time.Instant.ofEpochSecond(
            0, nowNanos) + "\",\"direction\":\"IN\",\"kind\":\"TEXT\",\"preview\":\"" + text
            + "\"}");
        inter.setString(11, "IN");
        inter.setLong(12, nowNanos);
        inter.setNull(13, java.sql.Types.BIGINT);
        inter.setString(14, null);
        inter.setString(15, interactions[k]);
        inter.addBatch();
      }
      // The engine's order: conversations, interactions, messages, words.
      conv.executeBatch();
      inter.executeBatch();
      for (String[] m : messages) {
        msg.setString(1, m[0]);
        msg.setString(2, m[1]);
        msg.setString(3, account);
        msg.setString(4, text);
        msg.setString(5, textNorm);
        msg.setString(6, m[2]);
        msg.setLong(7, nowNanos);
        msg.addBatch();
        for (String w : words) {
          word.setString(1, m[0]);
          word.setString(2, m[1]);
          word.setString(3, w);
          word.addBatch();
        }
      }
      msg.executeBatch();
      word.executeBatch();
      c.commit();
      return batch;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }
}
