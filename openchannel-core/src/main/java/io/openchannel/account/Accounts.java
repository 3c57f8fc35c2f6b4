package io.openchannel.account;

import java.util.List;
import java.util.Optional;

/**
 * Administration of accounts (S1). The library does not know who is an administrator: the host
 * calls these only for its administrators. Thread-safe.
 */
public interface Accounts {
  /**
   * Stores a new account.
   *
   * @throws io.openchannel.InvalidInputException if an account with that id exists
   */
  Account create(Account account);

  /**
   * Replaces an account's name, enabled flag and settings. The given account's version must be
   * the stored one.
   *
   * @throws io.openchannel.NotFoundException if there is no such account
   * @throws io.openchannel.ConcurrentUpdateException if the account changed since it was read
   */
  Account update(Account account);

  /** The account, if it exists. */
  Optional<Account> find(AccountId id);

  /**
   * The account.
   *
   * @throws io.openchannel.NotFoundException if there is no such account
   */
  Account get(AccountId id);

  /** Every account, ordered by id. */
  List<Account> list();
}
