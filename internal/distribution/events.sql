-- Distribution events (events.go): an event's scope is its warehouse's,
-- read through the join.

-- name: EventFrom
-- The start of every read of events; EventByID or EventList completes it.
SELECT e.id, e.campaign_id, e.warehouse_id, w.code, w.name, e.place, e.starts_at, e.ends_at, e.status, e.whole_point,
       e.note, e.version, COALESCE(e.created_by, 0), e.created_at, e.updated_at, w.org_path, w.region_path
FROM distribution_events e JOIN warehouses w ON w.id = e.warehouse_id

-- name: EventByID
WHERE e.id = $1

-- name: EventList
-- The events at warehouses within the scope ($1–$4), of campaign $5 and
-- warehouse $6 (0: any), the latest first.
WHERE w.org_path >= $1 AND w.org_path < $2 AND w.region_path >= $3 AND w.region_path < $4
  AND (CAST($5 AS BIGINT) = 0 OR e.campaign_id = $5) AND (CAST($6 AS BIGINT) = 0 OR e.warehouse_id = $6)
ORDER BY e.starts_at DESC, e.id DESC
LIMIT $7

-- name: EventOrgs
SELECT o.id, o.name, o.path FROM distribution_event_orgs x JOIN organisations o ON o.id = x.org_id
WHERE x.event_id = $1 ORDER BY o.name, o.id;

-- name: EventStaff
SELECT u.id, u.name, '' FROM distribution_staff x JOIN users u ON u.id = x.user_id
WHERE x.event_id = $1 ORDER BY u.name, u.id;

-- name: InsertEvent
INSERT INTO distribution_events (campaign_id, warehouse_id, place, starts_at, ends_at, status, whole_point, note,
    version, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, 'planned', $6, $7, 1, $8, $9, $9)
RETURNING id;

-- name: UpdateEvent
-- Edits event $1 from version $2; no row when another change came first.
UPDATE distribution_events SET campaign_id = $3, warehouse_id = $4, place = $5, starts_at = $6, ends_at = $7,
    whole_point = $8, note = $9, version = version + 1, updated_at = $10
WHERE id = $1 AND version = $2;

-- name: SetEventStatus
UPDATE distribution_events SET status = $3, version = version + 1, updated_at = $4
WHERE id = $1 AND version = $2;

-- name: ClearEventOrgs
DELETE FROM distribution_event_orgs WHERE event_id = $1;

-- name: InsertEventOrg
INSERT INTO distribution_event_orgs (event_id, org_id) VALUES ($1, $2);

-- name: ClearEventStaff
DELETE FROM distribution_staff WHERE event_id = $1;

-- name: InsertEventStaff
INSERT INTO distribution_staff (event_id, user_id) VALUES ($1, $2);

-- name: OrgByID
-- Organisation $1 if named as one of an event's schools or centres may
-- be: one of the organisations within $2–$3.
SELECT id, name, path FROM organisations WHERE id = $1 AND path >= $2 AND path < $3;

-- name: StaffByID
-- User $1 if named as an event's staff may be: as StaffChoices, an
-- active user who works distribution days, of the organisations within
-- $2–$3.
SELECT u.id, u.name FROM users u LEFT JOIN organisations o ON o.id = u.org_id
WHERE u.id = $1 AND u.active AND u.role IN ('admin', 'coordinator', 'operator', 'warehouse', 'volunteer')
  AND COALESCE(o.path, '') >= $2 AND COALESCE(o.path, '') < $3;

-- name: CampaignOf
-- Campaign $1's status, and whether the warehouses of the organisation
-- with path $2 serve it: those of its organiser's subtree or of one of
-- its partners', as the allocation's sources.
SELECT c.status, CASE WHEN substr(CAST($2 AS TEXT), 1, length(c.org_path)) = c.org_path OR EXISTS (
    SELECT 1 FROM campaign_partners cp JOIN organisations o ON o.id = cp.org_id
    WHERE cp.campaign_id = c.id AND substr(CAST($2 AS TEXT), 1, length(o.path)) = o.path) THEN 1 ELSE 0 END
FROM campaigns c WHERE c.id = $1;

-- name: StaffChoices
-- The active users of the organisations within $1–$2 (everyone's for an
-- unbound reader) who may work a distribution day.
SELECT u.id, u.name, '' FROM users u LEFT JOIN organisations o ON o.id = u.org_id
WHERE u.active AND u.role IN ('admin', 'coordinator', 'operator', 'warehouse', 'volunteer')
  AND COALESCE(o.path, '') >= $1 AND COALESCE(o.path, '') < $2
ORDER BY u.name, u.id
LIMIT 500;
