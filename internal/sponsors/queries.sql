-- Sponsors: the row beside each sponsor's donor, contacts, campaigns.

-- name: InsertSponsor
INSERT INTO sponsors (donor_id, language, consent_at, consent_by, consent_name, notes, user_id, search, version,
    created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $10);

-- name: UpdateSponsor
UPDATE sponsors SET language = $1, consent_at = $2, consent_by = $3, consent_name = $4, notes = $5, user_id = $6,
    search = $7, updated_at = $8, version = version + 1
WHERE donor_id = $9 AND version = $10;

-- name: DonorEdited
-- The sponsor's donor edited on the stock's page: its search key follows
-- the new name, and its version moves on so an edit of the sponsor begun
-- before is refused rather than undoing it.
UPDATE sponsors SET search = $1, updated_at = $2, version = version + 1 WHERE donor_id = $3;

-- name: LockSponsor
-- Takes the sponsor's row for the transaction (PostgreSQL's row lock).
UPDATE sponsors SET version = version WHERE donor_id = $1;

-- name: DonorFree
-- A donor's recording organisation path, '' when it is a sponsor already.
SELECT CASE WHEN s.donor_id IS NULL THEN d.org_path ELSE '' END
FROM donors d LEFT JOIN sponsors s ON s.donor_id = d.id WHERE d.id = $1;

-- name: SponsorByID
SELECT d.id, d.name, d.kind, d.org_id, o.name, d.org_path, o.locale, s.language, s.consent_at, s.consent_by,
    s.consent_name, s.notes, s.user_id, s.version, s.created_at, s.updated_at
FROM sponsors s JOIN donors d ON d.id = s.donor_id JOIN organisations o ON o.id = d.org_id
WHERE s.donor_id = $1;

-- name: SponsorByUser
SELECT donor_id FROM sponsors WHERE user_id = $1;

-- name: Sponsors
-- The sponsors recorded within the organisation subtree [$1, $2) whose
-- folded name holds pattern $3, supporting campaign $4 (0: any), who
-- consented to be named when $5 is 1; newest first, below id $6.
SELECT d.id, d.name, d.kind, d.org_id, o.name, d.org_path, o.locale, s.language, s.consent_at, s.consent_by,
    s.consent_name, s.notes, s.user_id, s.version, s.created_at, s.updated_at
FROM sponsors s JOIN donors d ON d.id = s.donor_id JOIN organisations o ON o.id = d.org_id
WHERE d.org_path >= $1 AND d.org_path < $2 AND s.search LIKE $3 ESCAPE '\'
    AND ($4 = 0 OR EXISTS (SELECT 1 FROM sponsor_campaigns c WHERE c.sponsor_id = s.donor_id AND c.campaign_id = $4))
    AND ($5 = 0 OR s.consent_at IS NOT NULL)
    AND s.donor_id < $6
ORDER BY s.donor_id DESC
LIMIT $7 OFFSET $8;

-- name: Contacts
SELECT kind, value FROM sponsor_contacts WHERE sponsor_id = $1 ORDER BY n;

-- name: DeleteContacts
DELETE FROM sponsor_contacts WHERE sponsor_id = $1;

-- name: InsertContact
INSERT INTO sponsor_contacts (sponsor_id, n, kind, value) VALUES ($1, $2, $3, $4);

-- name: Campaigns
SELECT campaign_id FROM sponsor_campaigns WHERE sponsor_id = $1 ORDER BY campaign_id;

-- name: DeleteCampaigns
DELETE FROM sponsor_campaigns WHERE sponsor_id = $1;

-- name: InsertCampaign
INSERT INTO sponsor_campaigns (sponsor_id, campaign_id) VALUES ($1, $2);

-- name: CampaignExists
SELECT 1 FROM campaigns WHERE id = $1;

-- name: UserRole
-- A login's role and the sponsor it is linked to, if any.
SELECT u.role, s.donor_id FROM users u LEFT JOIN sponsors s ON s.user_id = u.id WHERE u.id = $1;

-- name: ItemExists
SELECT 1 FROM aid_items WHERE id = $1;

-- name: FreeLogins
-- The logins of role sponsor linked to no sponsor, or to sponsor $1.
SELECT u.id, u.name, u.email FROM users u
WHERE u.role = 'sponsor' AND NOT EXISTS (SELECT 1 FROM sponsors s WHERE s.user_id = u.id AND s.donor_id <> $1)
ORDER BY u.name, u.id;
