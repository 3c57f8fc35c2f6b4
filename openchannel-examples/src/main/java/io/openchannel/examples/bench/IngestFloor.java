package io.openchannel.examples.bench;

import io.openchannel.query.SearchText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows the engine writes for a batch of inbound messages from customers who each have an
 * open interaction, written by plain JDBC batches ({@code addBatch}, one transaction, inserts
 * rewritten to multi-row {@code VALUES} by the driver) and nothing else: per message its
 * {@code oc_message} row and its {@code oc_message_word} rows (the same words, from
 * {@link SearchText}), the customer's {@code oc_interaction} row (its last message, that
 * message's time and the view's sort time change) and {@code oc_conversation} row (its last
 * inbound time changes). Each update sets only the columns that change, by id alone: no reads,
 * no locks, no version checks, no events. What is left is the price of the rows themselves,
 * the floor of any store of the same schema.
 *
 * <p>How it was matched: the engine's statements for a steady-state {@code receiveAll} were
 * recorded by wrapping its {@code DataSource} with the adapters' test {@code StatementLog}
 * ({@code JdbcIngestStatementsTest} pins them): four reads (dedupe, account, conversations and
 * interactions, the last two {@code FOR UPDATE}) and four writes to these four tables, one row
 * per message in each (one per word for the words), in this order.
 */
final class IngestFloor {
  private final String[] interactions;
  private final String[] conversations;
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
    try (PreparedStatement ps = c.prepareStatement("SELECT id, open_interaction "
        + "FROM oc_conversation WHERE account_id = ? AND address = ? "
        + "AND open_interaction IS NOT NULL")) {
      for (int k = 0; k < n; k++) {
        ps.setString(1, account);
        ps.setString(2, addresses.get(k));
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("no open interaction for " + addresses.get(k));
          }
          conversations[k] = rs.getString(1);
          interactions[k] = rs.getString(2);
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
            + "last_inbound_at = ?, version = version + 1 WHERE id = ?");
        PreparedStatement inter = c.prepareStatement("UPDATE oc_interaction SET "
            + "last_message_at = ?, last_message = ?, sort_at = ?, version = version + 1 "
            + "WHERE id = ?");
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
        conv.setLong(1, sentNanos);
        conv.setString(2, conversations[k]);
        conv.addBatch();
        inter.setLong(1, nowNanos);
        inter.setString(2, "{\"messageId\":\"" + id + "\",\"at\":\"" + Instant.ofEpochSecond(0,
            nowNanos) + "\",\"direction\":\"IN\",\"kind\":\"TEXT\",\"preview\":\"" + text
            + "\"}");
        inter.setLong(3, nowNanos);
        inter.setString(4, interactions[k]);
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
