package io.openchannel.adapters.jdbc;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.spi.store.AccountRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Accounts: one row each, the settings as JSON. */
final class AccountTable extends Rows<AccountId, Account> implements AccountRepository {
  AccountTable(JdbcTransaction tx) {
    super(tx, "oc_account", "account",
        new String[] {"channel_type", "name", "enabled", "settings"}, new String[0],
        new String[0][], "");
  }

  @Override
  public List<Account> list() {
    return tx.query("listing accounts", select() + " ORDER BY id", this::read);
  }

  @Override
  String id(AccountId id) {
    return id.value();
  }

  @Override
  AccountId idOf(Account a) {
    return a.id();
  }

  @Override
  long version(Account a) {
    return a.version();
  }

  @Override
  Account withVersion(Account a, long version) {
    return a.withVersion(version);
  }

  @Override
  Object[] values(Account a) {
    return new Object[] {a.type().name(), a.name(), a.enabled(), JsonColumns.settings(a.settings())};
  }

  @Override
  Object[] immutableValues(Account a) {
    return new Object[0];
  }

  @Override
  Account read(ResultSet rs) throws SQLException {
    return new Account(AccountId.of(rs.getString("id")), ChannelType.valueOf(rs.getString("channel_type")),
        rs.getString("name"), rs.getBoolean("enabled"), JsonColumns.settings(rs.getString("settings")),
        rs.getLong("version"));
  }
}
