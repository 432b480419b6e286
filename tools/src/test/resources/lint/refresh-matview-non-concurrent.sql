-- violation 'refresh-matview-non-concurrent' 'the refresh blocks every read of the materialized view'
REFRESH MATERIALIZED VIEW shop.product_sales;
REFRESH MATERIALIZED VIEW CONCURRENTLY shop.product_sales;
