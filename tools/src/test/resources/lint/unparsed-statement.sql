-- violation 'unparsed-statement' 'not understood by the parser'
MOVE FORWARD 5 IN orders_cursor;
ALTER TABLE shop.orders ADD COLUMN channel text;
-- JSqlParser understands statements outside the keyword fast path too
SHOW search_path;
