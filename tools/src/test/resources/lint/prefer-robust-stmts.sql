-- violation 'prefer-robust-stmts' 'not re-runnable: outside a transaction, a retry after a failure fails here'
CREATE TABLE shop.wishlists (id bigint PRIMARY KEY);
-- violation 'prefer-robust-stmts'
CREATE INDEX CONCURRENTLY orders_channel_idx ON shop.orders (channel);
-- violation 'prefer-robust-stmts'
ALTER TABLE shop.orders ADD COLUMN channel text;
-- violation 'prefer-robust-stmts'
DROP INDEX CONCURRENTLY shop.orders_old_idx;
CREATE TABLE IF NOT EXISTS shop.wishlists (id bigint PRIMARY KEY);
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_channel_idx ON shop.orders (channel);
ALTER TABLE shop.orders ADD COLUMN IF NOT EXISTS channel text;
DROP INDEX CONCURRENTLY IF EXISTS shop.orders_old_idx;
BEGIN;
CREATE TABLE shop.gift_cards (id bigint PRIMARY KEY);
COMMIT;
