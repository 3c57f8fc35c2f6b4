package io.openchannel.adapters.jdbc;

import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Presence;
import io.openchannel.spi.store.AgentRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Agents: presence as a column, capacity, accounts, permissions and skills as one JSON profile. */
final class AgentTable extends Rows<AgentId, Agent> implements AgentRepository {
  AgentTable(JdbcTransaction tx) {
    super(tx, "oc_agent", "agent", new String[] {"name", "presence", "profile"}, new String[0],
        new String[0][], "");
  }

  @Override
  public List<Agent> list() {
    return tx.query("listing agents", select() + " ORDER BY id", this::read);
  }

  @Override
  String id(AgentId id) {
    return id.value();
  }

  @Override
  AgentId idOf(Agent a) {
    return a.id();
  }

  @Override
  long version(Agent a) {
    return a.version();
  }

  @Override
  Agent withVersion(Agent a, long version) {
    return a.withVersion(version);
  }

  @Override
  Object[] values(Agent a) {
    return new Object[] {a.name(), a.presence().name(), JsonColumns.profile(
        new JsonColumns.Profile(a.capacity(), a.accounts(), a.permissions(), a.skills()))};
  }

  @Override
  Object[] immutableValues(Agent a) {
    return new Object[0];
  }

  @Override
  Agent read(ResultSet rs) throws SQLException {
    JsonColumns.Profile p = JsonColumns.profile(rs.getString("profile"));
    return new Agent(AgentId.of(rs.getString("id")), rs.getString("name"),
        Presence.valueOf(rs.getString("presence")), p.capacity(), p.accounts(), p.permissions(),
        p.skills(), rs.getLong("version"));
  }
}
