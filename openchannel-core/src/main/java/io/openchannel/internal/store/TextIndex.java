package io.openchannel.internal.store;

import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.internal.query.Searchable;
import io.openchannel.message.Message;
import io.openchannel.query.SearchText;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The free-text index of the in-memory store: for each word (as {@link SearchText} cuts text),
 * the rows whose messages hold it and the contacts whose names, fields or identities hold it.
 * A query word is a prefix, so words are kept sorted and a lookup unions one range of them.
 * Message words are only ever added (messages are never deleted and the engine never changes
 * their text); a row whose message text did change is flagged so the query checks it by hand.
 * Guarded by the store's lock.
 */
final class TextIndex {
  private final TreeMap<String, IntList> messageWords = new TreeMap<>();
  private final TreeMap<String, Set<ContactId>> contactWords = new TreeMap<>();
  private final Map<ContactId, IntList> rowsByContact = new HashMap<>();
  /** Rows with a message whose text changed: the index may hold words they no longer have. */
  private final BitSet changedText = new BitSet();

  void addRow(ContactId contact, int row) {
    rowsByContact.computeIfAbsent(contact, k -> new IntList()).addIfNotLast(row);
  }

  void message(Message old, Message now, int row) {
    if (old != null) {
      if (Searchable.texts(old).equals(Searchable.texts(now))) {
        return; // a delivery status change: nothing to index
      }
      changedText.set(row);
    }
    for (String text : Searchable.texts(now)) {
      for (String word : SearchText.words(text)) {
        messageWords.computeIfAbsent(word, k -> new IntList()).addIfNotLast(row);
      }
    }
  }

  void contact(Contact old, Contact now) {
    Set<String> before = old == null ? Set.of() : words(old);
    Set<String> after = words(now);
    for (String w : before) {
      if (!after.contains(w)) {
        Set<ContactId> ids = contactWords.get(w);
        if (ids != null && ids.remove(now.id()) && ids.isEmpty()) {
          contactWords.remove(w);
        }
      }
    }
    for (String w : after) {
      if (!before.contains(w)) {
        contactWords.computeIfAbsent(w, k -> new HashSet<>(2)).add(now.id());
      }
    }
  }

  /** The rows where some word starts with {@code prefix}. */
  BitSet rowsWithWordStarting(String prefix) {
    BitSet rows = new BitSet();
    for (IntList list : range(messageWords, prefix).values()) {
      list.setAll(rows);
    }
    for (Set<ContactId> ids : range(contactWords, prefix).values()) {
      for (ContactId id : ids) {
        IntList contactRows = rowsByContact.get(id);
        if (contactRows != null) {
          contactRows.setAll(rows);
        }
      }
    }
    return rows;
  }

  /** Rows whose candidacy the index cannot vouch for; the query checks them against the text. */
  BitSet changedText() {
    return changedText;
  }

  private static <V> Map<String, V> range(TreeMap<String, V> words, String prefix) {
    // Every word starting with the prefix sorts between it and the prefix plus the highest char.
    return words.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
  }

  private static Set<String> words(Contact contact) {
    Set<String> words = new LinkedHashSet<>();
    for (String text : Searchable.texts(contact)) {
      words.addAll(SearchText.words(text));
    }
    return words;
  }
}
