package io.openchannel.spi.store;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import java.util.List;

/** Accounts. */
public interface AccountRepository extends Repository<AccountId, Account> {
  /** Every account, ordered by id. */
  List<Account> list();
}
