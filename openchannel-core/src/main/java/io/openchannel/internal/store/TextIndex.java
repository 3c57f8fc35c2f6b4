package io.openchannel.internal.store;

import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.internal.query.Searchable;
import io.openchannel.message.Message;
import io.openchannel.query.SearchText;
import java.util.BitSet;
import java.util.function.BiConsumer;
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
  /** Word to contacts: a lone {@link ContactId} (most words, such as ids, are one contact's), or a set. */
  private final TreeMap<String, Object> contactWords = new TreeMap<>();
  /** Rows with a message whose text changed: the index may hold words they no longer have. */
  private final BitSet changedText = new BitSet();

  void message(Message old, Message now, int row) {
    if (old != null) {
      if (Searchable.texts(old).equals(Searchable.texts(now))) {
        return; // a delivery status change: nothing to index
      }
      changedText.set(row);
    }
    Searchable.forEachText(now, text -> SearchText.forEachWord(text,
        word -> messageWords.computeIfAbsent(word, k -> new IntList()).addIfNotLast(row)));
  }

  void contact(Contact old, Contact now) {
    if (old == null) { // a new contact: nothing to take back
      for (String text : Searchable.texts(now)) {
        SearchText.forEachWord(text, w -> addContact(w, now.id()));
      }
      return;
    }
    if (Searchable.texts(old).equals(Searchable.texts(now))) {
      return; // an identity's account or a field name changed, not a searchable text
    }
    Set<String> before = words(old);
    Set<String> after = words(now);
    for (String w : before) {
      if (!after.contains(w)) {
        removeContact(w, now.id());
      }
    }
    for (String w : after) {
      if (!before.contains(w)) {
        addContact(w, now.id());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void addContact(String word, ContactId id) {
    Object current = contactWords.putIfAbsent(word, id);
    if (current == null || current.equals(id)) {
      return;
    }
    if (current instanceof ContactId single) {
      Set<ContactId> both = new HashSet<>(4);
      both.add(single);
      both.add(id);
      contactWords.put(word, both);
    } else {
      ((Set<ContactId>) current).add(id);
    }
  }

  @SuppressWarnings("unchecked")
  private void removeContact(String word, ContactId id) {
    Object current = contactWords.get(word);
    if (id.equals(current)) {
      contactWords.remove(word);
    } else if (current instanceof Set<?> set && ((Set<ContactId>) set).remove(id) && set.isEmpty()) {
      contactWords.remove(word);
    }
  }

  /**
   * The rows where some word starts with {@code prefix}: those of the messages, and those that
   * {@code rowsOfContact} gives for each contact with such a word.
   */
  @SuppressWarnings("unchecked")
  BitSet rowsWithWordStarting(String prefix, BiConsumer<ContactId, BitSet> rowsOfContact) {
    BitSet rows = new BitSet();
    for (IntList list : range(messageWords, prefix).values()) {
      list.setAll(rows);
    }
    for (Object ids : range(contactWords, prefix).values()) {
      if (ids instanceof ContactId single) {
        rowsOfContact.accept(single, rows);
      } else {
        ((Set<ContactId>) ids).forEach(id -> rowsOfContact.accept(id, rows));
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
