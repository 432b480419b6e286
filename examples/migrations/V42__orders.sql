-- The change the README's CLI examples review: a NOT NULL column with a default, a type change and an index
-- built the blocking way. lint, dry-run, rollback, check and policy explain all have something to say about it.
ALTER TABLE shop.orders ADD COLUMN priority integer NOT NULL DEFAULT 0;
ALTER TABLE shop.orders ALTER COLUMN note TYPE varchar(500);
CREATE INDEX orders_priority_idx ON shop.orders (priority);
