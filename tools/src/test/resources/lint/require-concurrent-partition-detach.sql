-- violation 'require-concurrent-partition-detach'
ALTER TABLE shop.order_events DETACH PARTITION shop.order_events_2023;
ALTER TABLE shop.order_events DETACH PARTITION shop.order_events_2024 CONCURRENTLY;
ALTER TABLE shop.order_events DETACH PARTITION shop.order_events_2024 FINALIZE;
ALTER TABLE shop.order_events ATTACH PARTITION shop.order_events_2027 FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
