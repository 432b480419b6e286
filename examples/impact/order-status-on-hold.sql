-- A value added to an enum type: the incident the product is pitched on. `schemaguard impact --env prod --code
-- examples/services` names the code that decodes the type's values, each with its verdict, and the deploy order.
ALTER TYPE shop.order_status ADD VALUE 'on_hold' AFTER 'paid';
