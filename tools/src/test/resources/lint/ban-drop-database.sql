-- violation 'ban-drop-database' 'DROP DATABASE deletes every table and row in it'
DROP DATABASE shop_staging;
DROP SCHEMA scratch;
