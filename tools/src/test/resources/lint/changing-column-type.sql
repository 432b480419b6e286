-- schema: shop.customers(id bigint, name varchar(100), code varchar(10), amount numeric(10,2), note text)
-- violation 'changing-column-type' 'changing shop.orders.total to numeric'
ALTER TABLE shop.orders ALTER COLUMN total TYPE numeric(12,2);
-- violation 'changing-column-type'
ALTER TABLE shop.customers ALTER COLUMN id TYPE int;
-- violation 'changing-column-type'
ALTER TABLE shop.customers ALTER COLUMN code TYPE varchar(5);
-- violation 'changing-column-type'
ALTER TABLE shop.customers ALTER COLUMN amount SET DATA TYPE numeric(12,3);
-- binary-coercible when the old type is known: no rewrite
ALTER TABLE shop.customers ALTER COLUMN name TYPE varchar(200);
ALTER TABLE shop.customers ALTER COLUMN name TYPE text;
ALTER TABLE shop.customers ALTER COLUMN amount TYPE numeric(14,2);
CREATE TABLE shop.fresh (id int PRIMARY KEY, label varchar(20));
ALTER TABLE shop.fresh ALTER COLUMN id TYPE bigint;
