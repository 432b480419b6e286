-- Runs outside a transaction, as Flyway runs a migration of only such statements.
CREATE INDEX CONCURRENTLY orders_channel_idx ON shop.orders (channel);
