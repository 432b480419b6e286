-- violation 'prefer-repack'
VACUUM FULL shop.orders;
-- violation 'prefer-repack'
CLUSTER shop.orders USING orders_pkey;
VACUUM (ANALYZE) shop.orders;
