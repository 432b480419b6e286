-- violation 'ban-drop-not-null' 'dropping NOT NULL lets NULLs reach code that does not expect them'
ALTER TABLE shop.orders ALTER COLUMN note DROP NOT NULL;
ALTER TABLE shop.orders ALTER COLUMN note SET NOT NULL;
ALTER TABLE shop.orders ALTER COLUMN note DROP DEFAULT;
