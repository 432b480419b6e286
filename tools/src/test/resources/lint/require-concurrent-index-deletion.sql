-- violation 'require-concurrent-index-deletion' 'DROP INDEX locks the table against reads and writes'
DROP INDEX shop.orders_status_idx;
-- violation 'require-concurrent-index-deletion'
DROP INDEX IF EXISTS orders_status_idx, orders_other_idx CASCADE;
DROP INDEX CONCURRENTLY IF EXISTS shop.orders_open_idx;
