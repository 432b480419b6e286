-- violation 'ban-truncate-cascade' 'TRUNCATE CASCADE also empties every table that references these, recursively'
TRUNCATE shop.customers CASCADE;
TRUNCATE shop.carts;
