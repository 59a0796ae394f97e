-- Search by first name alone: the name key after its first word (the last
-- name), so "Madina" finds Ахметова Мадина. SQLite keeps the rowid in
-- every index, so the search reads it in (first name, id) order and stops
-- at its limit. SearchFirstName writes the expression exactly like this,
-- or the planner would not use the index. One index, no new column: the
-- import path writes nothing more.
CREATE INDEX persons_first_name ON persons(substr(name_key, instr(name_key, ' ') + 1));
