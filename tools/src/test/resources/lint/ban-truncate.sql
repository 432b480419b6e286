-- violation 'ban-truncate'
TRUNCATE shop.carts;
-- violation 'ban-truncate'
TRUNCATE TABLE shop.cart_items RESTART IDENTITY;
DELETE FROM shop.carts WHERE id = '00000000-0000-0000-0000-000000000000';
