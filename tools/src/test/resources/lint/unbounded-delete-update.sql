-- violation 'unbounded-delete-update' 'DELETE without WHERE changes every row of the table'
DELETE FROM shop.carts;
-- violation 'unbounded-delete-update'
UPDATE shop.orders SET note = NULL;
DELETE FROM shop.carts WHERE created_at < now() - interval '90 days';
UPDATE shop.orders SET note = 'x' WHERE id BETWEEN 1 AND 5000;
SELECT 'DELETE FROM everything';
