-- name: WarehouseForUpdate
SELECT w.id, w.code, w.name, w.kind, w.org_id, o.name, w.org_path, w.region_id, r.code, w.region_path, w.address, w.active
FROM warehouses w JOIN organisations o ON o.id = w.org_id JOIN regions r ON r.id = w.region_id
WHERE w.id = $1
FOR UPDATE OF w;
