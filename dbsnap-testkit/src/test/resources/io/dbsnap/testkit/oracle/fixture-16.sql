-- Catalog oracle fixture, part 4: ICU tailoring rules (PostgreSQL 16).
CREATE COLLATION app.g_before_a (provider = icu, locale = 'und', rules = '&a < g');
