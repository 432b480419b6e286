-- violation 'require-enum-value-ordering'
ALTER TYPE shop.order_status ADD VALUE 'refunded';
ALTER TYPE shop.order_status ADD VALUE 'on_hold' AFTER 'paid';
ALTER TYPE shop.order_status ADD VALUE IF NOT EXISTS 'draft' BEFORE 'pending';
