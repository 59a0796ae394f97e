-- Imports: match a row without a known ID number by name key and date of
-- birth without reading every person of the same name.
CREATE INDEX persons_name_birth ON persons(name_key, birth_date);
