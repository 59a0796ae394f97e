-- PostgreSQL's versions of queries whose portable form does not fit it.

-- name: NextPersonIDs
SELECT nextval(pg_get_serial_sequence('persons', 'id')) FROM generate_series(1, $1);

-- name: NextHouseholdIDs
SELECT nextval(pg_get_serial_sequence('households', 'id')) FROM generate_series(1, $1);
