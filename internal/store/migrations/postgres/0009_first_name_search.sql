-- Search by first name alone: the name key after its first word (the last
-- name), so "Madina" finds Ахметова Мадина. The id follows so that the
-- search reads it in (first name, id) order and stops at its limit; the
-- expression keeps the byte order (COLLATE "C") of name_key.
-- SearchFirstName writes the expression exactly like this, or the planner
-- would not use the index. One index, no new column: the import path
-- writes nothing more.
CREATE INDEX persons_first_name ON persons ((substr(name_key, strpos(name_key, ' ') + 1)), id);
