-- violation 'require-concurrent-partition-detach' 'DETACH PARTITION blocks reads and writes of shop.order_events and all its partitions'
ALTER TABLE shop.order_events DETACH PARTITION shop.order_events_2023;
ALTER TABLE shop.order_events DETACH PARTITION shop.order_events_2024 CONCURRENTLY;
ALTER TABLE shop.order_events DETACH PARTITION shop.order_events_2024 FINALIZE;
ALTER TABLE shop.order_events ATTACH PARTITION shop.order_events_2027 FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
