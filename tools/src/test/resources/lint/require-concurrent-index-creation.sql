-- violation 'require-concurrent-index-creation'
CREATE INDEX orders_status_idx ON shop.orders (status);
-- violation 'require-concurrent-index-creation'
CREATE UNIQUE INDEX users_email_key ON users USING btree (lower(email)) WHERE deleted_at IS NULL;
-- safe: concurrently
CREATE INDEX CONCURRENTLY orders_placed_idx ON shop.orders (placed_at);
-- safe: the table is created in this migration, nobody else sees it yet
CREATE TABLE shop.returns (id bigint PRIMARY KEY, order_id bigint);
CREATE INDEX returns_order_idx ON shop.returns (order_id);
-- safe: a string that only looks like it
SELECT 'CREATE INDEX x ON y (z)';
