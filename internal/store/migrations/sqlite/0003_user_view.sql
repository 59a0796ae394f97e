-- User view: a user with the name, path and locale of their organisation
-- and the code and path of their region, the one definition of the row the
-- accounts package reads. Missing organisation or region fields are ''.

CREATE VIEW user_accounts AS
SELECT u.id, u.email, u.name, u.role,
       u.org_id, COALESCE(o.name, '') AS org_name, COALESCE(o.path, '') AS org_path,
       COALESCE(o.locale, '') AS org_locale,
       u.region_id, COALESCE(r.code, '') AS region_code, COALESCE(r.path, '') AS region_path,
       u.locale, u.password_hash, u.active, u.created_at, u.updated_at, u.last_login_at
FROM users u
LEFT JOIN organisations o ON o.id = u.org_id
LEFT JOIN regions r ON r.id = u.region_id;
