-- violation 'json-column'
CREATE TABLE events (id bigint PRIMARY KEY, payload json);
CREATE TABLE events2 (id bigint PRIMARY KEY, payload jsonb);
SELECT '{}'::json;
