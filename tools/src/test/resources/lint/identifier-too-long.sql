-- violation 'identifier-too-long' 'identifier orders_customer_id_status_placed_at_channel_currency_partial_idx_v2 is longer than 63 bytes and will be truncated'
CREATE INDEX orders_customer_id_status_placed_at_channel_currency_partial_idx_v2 ON shop.orders (customer_id);
-- violation 'identifier-too-long'
CREATE TABLE "a_table_whose_quoted_name_is_far_too_long_for_postgresql_to_keep_it" (id bigint PRIMARY KEY);
CREATE INDEX orders_customer_idx ON shop.orders (customer_id);
SELECT 'a string literal that is certainly much longer than sixty-three bytes, which is fine';
