-- Text search configurations and dictionaries.

-- case: configuration_add
-- A
-- B
CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = simple);

-- case: configuration_drop
-- A
CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = simple);
-- B

-- case: configuration_mapping_change
-- A
CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = simple);
-- B
CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION my_cfg ALTER MAPPING FOR word WITH english_stem;

-- case: configuration_mapping_drop
-- A
CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = simple);
-- B
CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION my_cfg DROP MAPPING FOR email, url;

-- case: dictionary_add
-- A
-- B
CREATE TEXT SEARCH DICTIONARY my_dict (TEMPLATE = simple, ACCEPT = false);

-- case: dictionary_option_change
-- A
CREATE TEXT SEARCH DICTIONARY my_dict (TEMPLATE = simple, ACCEPT = false);
-- B
CREATE TEXT SEARCH DICTIONARY my_dict (TEMPLATE = simple, ACCEPT = true);

-- case: configuration_uses_new_dictionary
-- A
CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = simple);
-- B
CREATE TEXT SEARCH DICTIONARY my_dict (TEMPLATE = simple);
CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION my_cfg ALTER MAPPING FOR word, asciiword WITH my_dict;

-- case: tsvector_column_with_configuration
-- A
CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = simple);
CREATE TABLE doc (id int PRIMARY KEY, body text);
-- B
CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = simple);
CREATE TABLE doc (id int PRIMARY KEY, body text, tsv tsvector GENERATED ALWAYS AS (to_tsvector('my_cfg', body)) STORED);
-- rows
INSERT INTO doc VALUES (1, 'hello world');
