-- violation 'renaming-table' 'renaming shop.carts breaks running code that uses the old name'
ALTER TABLE shop.carts RENAME TO baskets;
ALTER TABLE shop.carts RENAME COLUMN created_at TO opened_at;
ALTER INDEX shop.carts_pkey RENAME TO baskets_pkey;
