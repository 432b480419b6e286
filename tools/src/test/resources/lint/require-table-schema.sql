-- violation 'require-table-schema' 'table wishlists is not schema-qualified'
CREATE TABLE wishlists (id bigint PRIMARY KEY);
-- violation 'require-table-schema'
ALTER TABLE orders ADD COLUMN channel text;
CREATE TABLE shop.wishlists (id bigint PRIMARY KEY);
ALTER TABLE shop.orders ADD COLUMN channel text;
