package io.openchannel.internal.engine;

import io.openchannel.IllegalTransitionException;
import io.openchannel.PermissionDeniedException;
import io.openchannel.account.Account;
import io.openchannel.interaction.Interaction;
import io.openchannel.routing.Agent;
import io.openchannel.routing.Permission;
import java.util.Optional;

/** Who may transfer what (S14), checked against the store inside the transfer's transaction. */
final class TransferRules {
  private TransferRules() {}

  static void check(Transactions.Work work, Interaction interaction, Agent by) {
    if (!interaction.isOpen()) {
      throw new IllegalTransitionException("interaction " + interaction.id()
          + " is closed and cannot be transferred");
    }
    Account account = Engine.requireAccount(work, interaction.account());
    if (!account.settings().transferAllowed()) {
      throw new PermissionDeniedException("account " + account.id()
          + " does not allow transfers; enable transferAllowed in its settings");
    }
    if (!by.has(Permission.TRANSFER)) {
      throw new PermissionDeniedException("agent " + by.id()
          + " lacks the TRANSFER permission needed to transfer interactions");
    }
    if (!interaction.owner().equals(Optional.of(by.id()))) {
      throw new PermissionDeniedException("agent " + by.id() + " does not own interaction "
          + interaction.id() + "; only its owner can transfer it");
    }
  }
}
