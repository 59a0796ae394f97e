-- The final reports of campaigns (internal/reports).
--
-- A report is produced once, when a closed campaign is reported: its
-- figures are kept here as they were (JSON: totals, the tables by region,
-- item, category and outcome, gifts, hours, partners and the sponsors who
-- consented to be named, with every label in each language), so the PDF,
-- the workbook and the public page are drawn from the same frozen figures
-- in whatever language they are asked for.

CREATE TABLE campaign_reports (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id),
    produced_at TIMESTAMPTZ NOT NULL,
    produced_by BIGINT REFERENCES users(id),
    -- The figures, as internal/reports.Figures.
    figures     TEXT NOT NULL
);
