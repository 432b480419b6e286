-- Rows for the rental store (rental-store.sql), generated: enough that a sample has something to give back.
INSERT INTO public.country (country) SELECT 'Country ' || i FROM generate_series(1, 10) i;
INSERT INTO public.city (city, country_id) SELECT 'City ' || i, 1 + i % 10 FROM generate_series(1, 30) i;
INSERT INTO public.address (address, district, city_id, postal_code, phone)
  SELECT i || ' Main Street', 'District ' || (i % 7), 1 + i % 30, lpad(i::text, 5, '0'), '555-' || lpad(i::text, 4, '0') FROM generate_series(1, 120) i;
INSERT INTO public.language (name) VALUES ('English'), ('Italian'), ('Japanese'), ('Mandarin'), ('French'), ('German');
INSERT INTO public.category (name) SELECT 'Category ' || i FROM generate_series(1, 16) i;
INSERT INTO public.actor (first_name, last_name) SELECT 'First' || i, 'Last' || (i % 40) FROM generate_series(1, 80) i;
INSERT INTO public.film (title, description, release_year, language_id, rental_duration, rental_rate, length, replacement_cost, rating, special_features)
  SELECT 'Film ' || i, 'A film about ' || (ARRAY['a dog', 'a robot', 'the sea', 'a lawyer'])[1 + i % 4], 1990 + i % 30, 1 + i % 6, 3 + i % 5,
         (ARRAY[0.99, 2.99, 4.99])[1 + i % 3], 60 + i % 120, 9.99 + i % 20, (ARRAY['G', 'PG', 'PG-13', 'R', 'NC-17'])[1 + i % 5]::public.mpaa_rating,
         ARRAY['Trailers', 'Commentaries'] FROM generate_series(1, 200) i;
INSERT INTO public.film_actor (actor_id, film_id) SELECT 1 + (f * 7 + k) % 80, f FROM generate_series(1, 200) f, generate_series(1, 3) k
  ON CONFLICT DO NOTHING;
INSERT INTO public.film_category (film_id, category_id) SELECT f, 1 + f % 16 FROM generate_series(1, 200) f;
-- stores and their managers point at each other
SET session_replication_role = replica;
INSERT INTO public.store (store_id, manager_staff_id, address_id) VALUES (1, 1, 1), (2, 2, 2);
INSERT INTO public.staff (staff_id, first_name, last_name, address_id, email, store_id, username, password)
  VALUES (1, 'Mike', 'Hillyer', 3, 'mike@example.com', 1, 'mike', 'x'), (2, 'Jon', 'Stephens', 4, 'jon@example.com', 2, 'jon', 'y');
RESET session_replication_role;
SELECT setval('public.store_store_id_seq', 2), setval('public.staff_staff_id_seq', 2);
INSERT INTO public.customer (store_id, first_name, last_name, email, address_id, active)
  SELECT 1 + i % 2, 'Customer' || i, 'Surname' || i, 'customer' || i || '@example.com', 5 + i % 115, 1 FROM generate_series(1, 300) i;
INSERT INTO public.inventory (film_id, store_id) SELECT 1 + i % 200, 1 + i % 2 FROM generate_series(1, 600) i;
INSERT INTO public.rental (rental_date, inventory_id, customer_id, return_date, staff_id)
  SELECT timestamptz '2022-01-01 10:00:00+00' + (i || ' hours')::interval, 1 + i % 600, 1 + i % 300,
         CASE WHEN i % 10 = 0 THEN NULL ELSE timestamptz '2022-01-03 10:00:00+00' + (i || ' hours')::interval END, 1 + i % 2
    FROM generate_series(1, 1000) i;
INSERT INTO public.payment (customer_id, staff_id, rental_id, amount, payment_date)
  SELECT r.customer_id, r.staff_id, r.rental_id, 2.99, r.rental_date FROM public.rental r WHERE r.rental_date < '2022-07-01';
REFRESH MATERIALIZED VIEW public.rental_by_category;
