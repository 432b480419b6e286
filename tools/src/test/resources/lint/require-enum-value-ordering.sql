-- violation 'require-enum-value-ordering' 'ADD VALUE without BEFORE or AFTER appends the value last in the'
ALTER TYPE shop.order_status ADD VALUE 'refunded';
ALTER TYPE shop.order_status ADD VALUE 'on_hold' AFTER 'paid';
ALTER TYPE shop.order_status ADD VALUE IF NOT EXISTS 'draft' BEFORE 'pending';
