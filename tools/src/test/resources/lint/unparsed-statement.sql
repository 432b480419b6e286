-- violation 'unparsed-statement'
FROBNICATE TABLE shop.orders WITH GUSTO;
ALTER TABLE shop.orders ADD COLUMN channel text;
-- JSqlParser understands statements outside the keyword fast path too
SHOW search_path;
