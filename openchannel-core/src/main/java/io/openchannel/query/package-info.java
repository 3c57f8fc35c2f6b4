/**
 * The interactions view (S15–S19, S24): {@link io.openchannel.query.InteractionQuery} (filters,
 * free-text and advanced search, order, keyset pages) answered by
 * {@link io.openchannel.interaction.Interactions#query} as a {@link io.openchannel.query.Page} of
 * {@link io.openchannel.query.InteractionRow}s. {@link io.openchannel.query.SearchText} defines
 * how text is compared, for every store alike. All types are immutable and thread-safe, except
 * the query's builder.
 */
package io.openchannel.query;
