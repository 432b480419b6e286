-- violation 'ban-drop-not-null'
ALTER TABLE shop.orders ALTER COLUMN note DROP NOT NULL;
ALTER TABLE shop.orders ALTER COLUMN note SET NOT NULL;
ALTER TABLE shop.orders ALTER COLUMN note DROP DEFAULT;
