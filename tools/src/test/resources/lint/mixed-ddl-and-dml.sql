BEGIN;
ALTER TABLE shop.orders ADD COLUMN channel text;
-- violation 'mixed-ddl-and-dml' 'data change while this transaction holds an ACCESS EXCLUSIVE lock on shop.orders'
UPDATE shop.orders SET channel = 'web';
COMMIT;
UPDATE shop.orders SET channel = 'web' WHERE id BETWEEN 1 AND 10000;
BEGIN;
CREATE TABLE shop.channels (id bigint PRIMARY KEY, name text);
INSERT INTO shop.channels SELECT 1, 'web';
COMMIT;
