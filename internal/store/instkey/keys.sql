-- name: Offer
-- A key offered by a process that starts; a later one keeps the key
-- there is.
INSERT INTO installation_keys (name, secret, created_at) VALUES ($1, $2, $3)
ON CONFLICT (name) DO NOTHING;

-- name: Read
SELECT secret FROM installation_keys WHERE name = $1;
