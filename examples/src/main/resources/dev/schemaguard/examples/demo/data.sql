-- schemaguard demo data: a few thousand deterministic rows. Triggers are switched off while loading (replica role)
-- and their work is done once at the end, so loading takes well under a second.
SET session_replication_role = replica;
SELECT setseed(0.42);

INSERT INTO shop.suppliers (name, country)
SELECT 'Supplier ' || i, (ARRAY['DE', 'FR', 'NL', 'PL', 'IT'])[1 + i % 5] FROM generate_series(1, 12) i;

INSERT INTO shop.categories (name, slug, parent_id)
SELECT 'Category ' || i, 'category-' || i, CASE WHEN i > 6 THEN 1 + i % 6 END FROM generate_series(1, 24) i;

INSERT INTO shop.customers (email, full_name, country, marketing_opt_in, created_at)
SELECT 'customer' || i || '@example.com', 'Customer ' || i, (ARRAY['DE', 'FR', 'NL', 'AT'])[1 + i % 4],
       i % 3 = 0, timestamptz '2025-01-01' + (i || ' hours')::interval
  FROM generate_series(1, 800) i;

INSERT INTO shop.addresses (customer_id, kind, line1, city, postal_code, country)
SELECT c.id, k.kind, c.id || ' Example Street', 'City ' || (c.id % 50), lpad((10000 + c.id)::text, 5, '0'), c.country
  FROM shop.customers c CROSS JOIN (VALUES ('billing'), ('shipping')) k(kind);

INSERT INTO shop.products (sku, name, description, category_id, supplier_id, price_cents, attributes)
SELECT 'SKU-' || lpad(i::text, 5, '0'), 'Product ' || i, CASE WHEN i % 4 <> 0 THEN 'Description of product ' || i END,
       1 + i % 24, 1 + i % 12, 199 + (i * 37) % 9800, jsonb_build_object('color', (ARRAY['red', 'green', 'blue'])[1 + i % 3])
  FROM generate_series(1, 300) i;

INSERT INTO shop.inventory (product_id, on_hand, reserved)
SELECT id, 10 + id % 90, id % 10 FROM shop.products;

INSERT INTO shop.orders (customer_id, status, shipping_address_id, placed_at)
SELECT 1 + (i * 7) % 800,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'delivered', 'delivered', 'cancelled'])[1 + i % 7]::shop.order_status,
       NULL, timestamptz '2026-09-01' + (i * 17 || ' minutes')::interval
  FROM generate_series(1, 2000) i;
UPDATE shop.orders o SET shipping_address_id = a.id
  FROM shop.addresses a WHERE a.customer_id = o.customer_id AND a.kind = 'shipping';

INSERT INTO shop.order_lines (order_id, line_no, product_id, quantity, unit_price_cents)
SELECT o.id, n, 1 + (o.id * 13 + n * 7) % 300, 1 + (o.id + n) % 3, 0
  FROM shop.orders o CROSS JOIN generate_series(1, 3) n
 WHERE n <= 1 + o.id % 3;
UPDATE shop.order_lines l SET unit_price_cents = p.price_cents FROM shop.products p WHERE p.id = l.product_id;
UPDATE shop.orders o SET total_cents = t.total
  FROM (SELECT order_id, sum(line_total_cents) AS total FROM shop.order_lines GROUP BY order_id) t
 WHERE t.order_id = o.id;

INSERT INTO shop.order_events (order_id, occurred_at, event)
SELECT id, placed_at, 'placed' FROM shop.orders
UNION ALL
SELECT id, placed_at + interval '2 hours', status::text FROM shop.orders WHERE status <> 'pending';

INSERT INTO shop.reviews (product_id, customer_id, rating, body)
SELECT 1 + i % 300, 1 + i % 800, 1 + i % 5, CASE WHEN i % 2 = 0 THEN 'Review ' || i END FROM generate_series(1, 600) i;

INSERT INTO shop.carts (id, customer_id)
SELECT md5('cart' || i)::uuid, 1 + i % 800 FROM generate_series(1, 150) i;
INSERT INTO shop.cart_items (cart_id, product_id, quantity)
SELECT c.id, 1 + (abs(hashtext(c.id::text)) + n) % 300, n FROM shop.carts c CROSS JOIN generate_series(1, 2) n;

INSERT INTO shop.coupons (code, percent_off, valid_during, campaign) VALUES
    ('LAUNCH10', 10, tstzrange('2026-01-01', '2026-02-01'), 'launch'),
    ('LAUNCH20', 20, tstzrange('2026-02-01', '2026-03-01'), 'launch'),
    ('SUMMER15', 15, tstzrange('2026-06-01', '2026-09-01'), 'seasonal');

INSERT INTO shop.audit_log (table_name, row_id, action, changed_at)
SELECT 'orders', id::text, 'INSERT', placed_at FROM shop.orders WHERE id > 1000;
INSERT INTO shop.audit_log_archive (table_name, row_id, action, changed_at)
SELECT 'orders', id::text, 'INSERT', placed_at FROM shop.orders WHERE id <= 1000;

INSERT INTO billing.tax_rates (country, valid_from, rate) VALUES
    ('DE', '2020-01-01', 0.190), ('FR', '2020-01-01', 0.200), ('NL', '2020-01-01', 0.210), ('AT', '2020-01-01', 0.200);

INSERT INTO billing.payment_methods (customer_id, kind, last4)
SELECT id, CASE WHEN id % 2 = 0 THEN 'card' ELSE 'sepa' END, lpad((id % 10000)::text, 4, '0') FROM shop.customers;

INSERT INTO billing.invoices (order_id, amount, issued_at, due_at)
SELECT id, total_cents / 100.0, placed_at, placed_at + interval '14 days'
  FROM shop.orders WHERE status IN ('paid', 'shipped', 'delivered');

INSERT INTO billing.payments (invoice_id, payment_method_id, amount, paid_at, provider_ref)
SELECT i.id, pm.id, i.amount, i.issued_at + interval '1 day', 'psp-' || i.id
  FROM billing.invoices i
  JOIN shop.orders o ON o.id = i.order_id
  JOIN billing.payment_methods pm ON pm.customer_id = o.customer_id
 WHERE i.id % 5 <> 0;

INSERT INTO billing.refunds (payment_id, amount, reason)
SELECT id, amount, 'returned goods' FROM billing.payments WHERE id % 40 = 0;

SET session_replication_role = origin;
REFRESH MATERIALIZED VIEW shop.product_sales;
ANALYZE;
