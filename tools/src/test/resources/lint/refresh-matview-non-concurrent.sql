-- violation 'refresh-matview-non-concurrent'
REFRESH MATERIALIZED VIEW shop.product_sales;
REFRESH MATERIALIZED VIEW CONCURRENTLY shop.product_sales;
