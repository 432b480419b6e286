-- violation 'require-concurrent-reindex' 'REINDEX blocks writes while it rebuilds'
REINDEX INDEX shop.orders_customer_idx;
-- violation 'require-concurrent-reindex'
REINDEX TABLE shop.orders;
REINDEX INDEX CONCURRENTLY shop.orders_customer_idx;
REINDEX TABLE CONCURRENTLY shop.orders;
