-- violation 'ban-truncate' 'TRUNCATE deletes every row of the table'
TRUNCATE shop.carts;
-- violation 'ban-truncate'
TRUNCATE TABLE shop.cart_items RESTART IDENTITY;
DELETE FROM shop.carts WHERE id = '00000000-0000-0000-0000-000000000000';
