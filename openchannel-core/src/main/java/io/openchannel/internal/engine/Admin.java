package io.openchannel.internal.engine;

import io.openchannel.InvalidInputException;
import io.openchannel.NotFoundException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.Accounts;
import io.openchannel.internal.util.Checks;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Agents;
import io.openchannel.spi.store.Repository;
import io.openchannel.spi.store.StoreTransaction;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Administration of accounts and agents: plain validated writes. */
final class Admin {
  private final Transactions transactions;
  private final RoutingService routing;

  Admin(Transactions transactions, RoutingService routing) {
    this.transactions = transactions;
    this.routing = routing;
  }

  /** An account may name only a queue that exists (queues live in routing's memory). */
  private void checkQueue(Account account) {
    account.settings().queue().ifPresent(q -> {
      boolean exists = routing.ledger() != null ? routing.ledger().queue(q).isPresent()
          : routing.read(() -> routing.router.hasQueue(q));
      if (!exists) {
        throw new NotFoundException("account " + account.id() + " names queue " + q
            + ", which does not exist; create it with queues().create(...) first");
      }
    });
  }

  Accounts accounts() {
    return new Accounts() {
      @Override
      public Account create(Account account) {
        Checks.notNull(account, "account");
        checkQueue(account);
        return insert("account", account.id(), account.withVersion(0), StoreTransaction::accounts);
      }

      @Override
      public Account update(Account account) {
        Checks.notNull(account, "account");
        checkQueue(account);
        return transactions.write("account:" + account.id(), work -> {
          Account current = work.tx().accounts().find(account.id())
              .orElseThrow(() -> new NotFoundException("no account " + account.id()));
          if (current.type() != account.type()) {
            throw new InvalidInputException("account " + account.id() + " is a " + current.type()
                + " account; its channel type cannot change (create a new account instead)");
          }
          return work.tx().accounts().update(account);
        });
      }

      @Override
      public Optional<Account> find(AccountId id) {
        Checks.notNull(id, "id");
        return transactions.read(tx -> tx.accounts().find(id));
      }

      @Override
      public Account get(AccountId id) {
        return find(id).orElseThrow(() -> new NotFoundException("no account " + id
            + "; create it with OpenChannel.accounts().create(...)"));
      }

      @Override
      public List<Account> list() {
        return transactions.read(tx -> tx.accounts().list());
      }
    };
  }

  Agents agents() {
    return new Agents() {
      @Override
      public Agent create(Agent agent) {
        Checks.notNull(agent, "agent");
        return routing.write("agent:" + agent.id(), true, work -> {
          if (work.tx().agents().find(agent.id()).isPresent()) {
            throw new InvalidInputException("agent " + agent.id()
                + " already exists; use update() to change it");
          }
          return work.tx().agents().insert(agent.withVersion(0));
        }, (a, fx) -> routing.router.putAgent(a, false, fx));
      }

      @Override
      public Agent update(Agent agent) {
        Checks.notNull(agent, "agent");
        return routing.write("agent:" + agent.id(), true, work -> {
          Optional<Agent> before = routing.ledger() == null ? Optional.empty()
              : work.tx().agents().find(agent.id());
          Agent stored = work.tx().agents().update(agent);
          before.ifPresent(b -> routing.ledger().agentChangedIn(work, b, stored, false));
          return stored;
        }, (a, fx) -> routing.router.putAgent(a, false, fx));
      }

      @Override
      public Optional<Agent> find(AgentId id) {
        Checks.notNull(id, "id");
        return transactions.read(tx -> tx.agents().find(id));
      }

      @Override
      public Agent get(AgentId id) {
        return find(id).orElseThrow(() -> new NotFoundException("no agent " + id
            + "; create it with OpenChannel.agents().create(...)"));
      }

      @Override
      public List<Agent> list() {
        return transactions.read(tx -> tx.agents().list());
      }
    };
  }

  private <I, T> T insert(String kind, I id, T entity,
      Function<StoreTransaction, Repository<I, T>> repository) {
    return transactions.write(kind + ":" + id, work -> {
      Repository<I, T> rows = repository.apply(work.tx());
      if (rows.find(id).isPresent()) {
        throw new InvalidInputException(kind + " " + id + " already exists; use update() to change it");
      }
      return rows.insert(entity);
    });
  }
}
