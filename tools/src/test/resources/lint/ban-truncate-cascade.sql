-- violation 'ban-truncate-cascade'
TRUNCATE shop.customers CASCADE;
TRUNCATE shop.carts;
