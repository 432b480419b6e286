-- violation 'table-rewrite' 'SET TABLESPACE rewrites shop.orders under a lock that blocks reads and writes'
ALTER TABLE shop.orders SET TABLESPACE fast_ssd;
-- violation 'table-rewrite'
ALTER TABLE shop.order_events SET LOGGED;
-- violation 'table-rewrite'
ALTER TABLE shop.carts SET UNLOGGED;
-- violation 'table-rewrite'
ALTER TABLE shop.orders SET ACCESS METHOD heap2;
-- violation 'table-rewrite'
ALTER INDEX shop.orders_customer_idx SET TABLESPACE fast_ssd;
ALTER TABLE shop.orders SET (fillfactor = 90);
CREATE UNLOGGED TABLE shop.staging (id bigint PRIMARY KEY);
ALTER TABLE shop.staging SET LOGGED;
