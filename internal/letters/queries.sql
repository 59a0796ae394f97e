-- Templates: every saved version; the highest of an organisation, kind
-- and language is in use.

-- name: Templates
-- The templates in use of organisation $1.
SELECT t.kind, t.locale, t.version, t.subject, t.body, t.created_by, t.created_at
FROM letter_templates t
WHERE t.org_id = $1 AND t.version = (SELECT max(u.version) FROM letter_templates u
    WHERE u.org_id = t.org_id AND u.kind = t.kind AND u.locale = t.locale)
ORDER BY t.kind, t.locale;

-- name: TemplateHistory
SELECT kind, locale, version, subject, body, created_by, created_at
FROM letter_templates WHERE org_id = $1 AND kind = $2 AND locale = $3 ORDER BY version DESC;

-- name: LatestTemplate
SELECT kind, locale, version, subject, body, created_by, created_at
FROM letter_templates WHERE org_id = $1 AND kind = $2 AND locale = $3 ORDER BY version DESC LIMIT 1;

-- name: InsertTemplate
INSERT INTO letter_templates (org_id, kind, locale, version, subject, body, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);

-- Runs.

-- name: InsertRun
INSERT INTO letter_runs (org_id, campaign_id, kind, status, created_by, created_at)
VALUES ($1, $2, $3, 'queued', $4, $5) RETURNING id;

-- name: RunByID
SELECT id, org_id, campaign_id, kind, status, job_id, total, written, combined IS NOT NULL, error, created_by,
    created_at, finished_at
FROM letter_runs WHERE id = $1;

-- name: Runs
SELECT id, org_id, campaign_id, kind, status, job_id, total, written, combined IS NOT NULL, error, created_by,
    created_at, finished_at
FROM letter_runs WHERE campaign_id = $1 ORDER BY id DESC LIMIT 50;

-- name: SetRunStatus
UPDATE letter_runs SET status = $2, job_id = coalesce($3, job_id) WHERE id = $1;

-- name: SetRunTotal
UPDATE letter_runs SET status = 'running', total = $2, written = $3, error = '' WHERE id = $1;

-- name: FinishRun
UPDATE letter_runs SET status = $2, written = $3, combined = $4, error = $5, finished_at = $6 WHERE id = $1;

-- name: RunCombined
SELECT combined FROM letter_runs WHERE id = $1 AND combined IS NOT NULL;

-- name: CountRunLetters
SELECT count(*) FROM letters WHERE run_id = $1;

-- Letters.

-- name: CampaignSponsors
-- The sponsors of campaign $1 — linked to it, or who gave it a cash gift
-- — with the letter each was thanked with (0 when none yet).
SELECT d.id, d.name, s.language, coalesce(l.id, 0), l.locale, l.thanked_at
FROM sponsors s JOIN donors d ON d.id = s.donor_id
LEFT JOIN letters l ON l.kind = 'sponsor' AND l.campaign_id = $1 AND l.recipient_id = s.donor_id
WHERE EXISTS (SELECT 1 FROM sponsor_campaigns c WHERE c.sponsor_id = s.donor_id AND c.campaign_id = $1)
    OR EXISTS (SELECT 1 FROM gifts g WHERE g.sponsor_id = s.donor_id AND g.campaign_id = $1)
ORDER BY d.name, d.id;

-- name: CampaignLetters
-- The letters of kind $1 of campaign $2: whom each thanked, when and in
-- which language.
SELECT recipient_id, recipient, id, locale, thanked_at FROM letters WHERE kind = $1 AND campaign_id = $2;

-- name: UnthankedSponsors
SELECT s.donor_id FROM sponsors s
WHERE (EXISTS (SELECT 1 FROM sponsor_campaigns c WHERE c.sponsor_id = s.donor_id AND c.campaign_id = $1)
        OR EXISTS (SELECT 1 FROM gifts g WHERE g.sponsor_id = s.donor_id AND g.campaign_id = $1))
    AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.kind = 'sponsor' AND l.campaign_id = $1
        AND l.recipient_id = s.donor_id)
ORDER BY s.donor_id;

-- name: ThankedRecipients
-- The recipients of kind $1 thanked for campaign $2.
SELECT recipient_id FROM letters WHERE kind = $1 AND campaign_id = $2;

-- name: InsertLetter
-- Writes a letter unless its recipient has one for the campaign already
-- (a run resumed beside one still going): no row means thanked before.
INSERT INTO letters (run_id, campaign_id, kind, recipient_id, recipient, locale, document, pdf, thanked_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT (kind, campaign_id, recipient_id) DO NOTHING
RETURNING id;

-- name: LetterByID
SELECT l.id, l.run_id, l.campaign_id, l.kind, l.recipient_id, l.recipient, l.locale, l.thanked_at, l.pdf
FROM letters l WHERE l.id = $1;

-- name: RunDocuments
-- The documents of run $1's letters, from id $2 on, a page at a time.
SELECT id, document FROM letters WHERE run_id = $1 AND id > $2 ORDER BY id LIMIT 200;
