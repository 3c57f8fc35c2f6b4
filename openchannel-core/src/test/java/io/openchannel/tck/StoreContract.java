package io.openchannel.tck;

import java.util.List;

/**
 * The contract kit (TCK) every {@link io.openchannel.spi.store.Store} must pass. It is a set of
 * abstract suites, one per concern, each with the same factory ({@code newStore()}, a fresh empty
 * store per test, and {@code dropStore(Store)} to clean up):
 * <ul>
 *   <li>{@link RepositoryContract}: ids and optimistic versions, for each of the six repositories;
 *   <li>{@link ListContract}: {@code list()} of accounts and agents;
 *   <li>{@link ContactRepositoryContract}: identities and fields;
 *   <li>{@link ConversationRepositoryContract}: one conversation per key;
 *   <li>{@link InteractionRepositoryContract}: a conversation's and a contact's interactions;
 *   <li>{@link MessageRepositoryContract}: channel message ids, an interaction's messages;
 *   <li>{@link TransactionContract}: atomicity, what reaches the caller;
 *   <li>{@link IsolationContract}: other threads, lost updates, races for unique values;
 *   <li>{@link OutboxClaimContract}: outbox leases, exclusive across engines on real threads;
 *   <li>{@link StoreModelContract}: a jqwik property comparing random histories with a model;
 *   <li>{@link InteractionQueryContract}: the interactions view's filters, order, pages, counts;
 *   <li>{@link InteractionSearchContract}: free-text and advanced search;
 *   <li>{@link InteractionScanContract}: a jqwik property on scans while the store changes;
 *   <li>{@link InteractionQueryModelContract}: a jqwik property comparing random queries over
 *       random interactions with the reference matcher.
 * </ul>
 * {@link StoreContractSupport} says what the suites assume. The kit ships in core's tests jar
 * ({@code <type>test-jar</type>}); an implementation depends on it and on JUnit 5, jqwik and
 * AssertJ, and extends every suite, most simply from one test class:
 *
 * <pre>{@code
 * class JdbcStoreTest {
 *   static Store newJdbcStore() { ... }
 *
 *   @Nested class Repositories extends RepositoryContract {
 *     @Override protected Store newStore() { return newJdbcStore(); }
 *     @Override protected void dropStore(Store store) { ... }
 *   }
 *   @Nested class Lists extends ListContract { ... }
 *   // ... one @Nested class per JUnit suite of SUITES, and for the property:
 *   @Group class Model extends StoreModelContract { ... } // net.jqwik.api.Group
 *   @Group class Scans extends InteractionScanContract { ... }
 *   @Group class QueryModel extends InteractionQueryModelContract { ... }
 * }
 * }</pre>
 *
 * <p>A blob store passes {@link BlobStoreContract} the same way.
 */
public final class StoreContract {
  /** Every suite of the kit; a test can check that an implementation extends them all. */
  public static final List<Class<? extends StoreContractSupport>> SUITES = List.of(
      RepositoryContract.class,
      ListContract.class,
      ContactRepositoryContract.class,
      ConversationRepositoryContract.class,
      InteractionRepositoryContract.class,
      MessageRepositoryContract.class,
      TransactionContract.class,
      IsolationContract.class,
      OutboxClaimContract.class,
      StoreModelContract.class,
      InteractionQueryContract.class,
      InteractionSearchContract.class,
      InteractionScanContract.class,
      InteractionQueryModelContract.class);

  private StoreContract() {}
}
