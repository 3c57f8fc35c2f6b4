/**
 * The JDBC store: {@link io.openchannel.adapters.jdbc.JdbcStore} keeps openchannel's state in H2,
 * PostgreSQL or MariaDB through a host-supplied {@link javax.sql.DataSource};
 * {@link io.openchannel.adapters.jdbc.SchemaMigrator} creates and upgrades its tables from the
 * versioned scripts of each {@link io.openchannel.adapters.jdbc.Dialect}. Everything else in the
 * package is package-private.
 */
package io.openchannel.adapters.jdbc;
