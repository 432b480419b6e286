-- violation 'prefer-repack' 'rewrites the table while blocking reads and writes'
VACUUM FULL shop.orders;
-- violation 'prefer-repack'
CLUSTER shop.orders USING orders_pkey;
VACUUM (ANALYZE) shop.orders;
