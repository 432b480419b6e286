-- violation 'ban-drop-database'
DROP DATABASE shop_staging;
DROP SCHEMA scratch;
