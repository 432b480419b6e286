-- in-transaction
DROP MATERIALIZED VIEW shop.order_totals;
-- violation 'matview-rebuild-in-transaction' 'shop.order_totals is dropped and built again in one transaction: its readers wait'
CREATE MATERIALIZED VIEW shop.order_totals AS SELECT customer_id, sum(total_cents) AS total FROM shop.orders GROUP BY customer_id;
CREATE MATERIALIZED VIEW shop.fresh_totals AS SELECT 1 AS one;
DROP MATERIALIZED VIEW IF EXISTS shop.customer_counts;
CREATE MATERIALIZED VIEW shop.customer_counts AS SELECT count(*) FROM shop.customers WITH NO DATA;
