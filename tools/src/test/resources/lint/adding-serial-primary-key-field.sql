-- violation 'adding-serial-primary-key-field' 'ADD PRIMARY KEY builds its index under a lock that blocks reads'
ALTER TABLE shop.cart_items ADD PRIMARY KEY (cart_id, product_id);
-- violation 'adding-serial-primary-key-field'
ALTER TABLE shop.cart_items ADD COLUMN id bigserial PRIMARY KEY;
ALTER TABLE shop.cart_items ADD CONSTRAINT cart_items_pkey PRIMARY KEY USING INDEX cart_items_pkey;
CREATE TABLE shop.fresh (id bigint, code text);
ALTER TABLE shop.fresh ADD PRIMARY KEY (id);
