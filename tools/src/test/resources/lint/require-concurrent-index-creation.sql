-- violation 'require-concurrent-index-creation' 'CREATE INDEX blocks writes to shop.orders until the index is built'
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
-- safe: a materialized view made by this migration has no readers yet
CREATE MATERIALIZED VIEW shop.order_totals AS SELECT customer_id, count(*) AS orders FROM shop.orders GROUP BY customer_id;
CREATE UNIQUE INDEX order_totals_customer ON shop.order_totals (customer_id);
