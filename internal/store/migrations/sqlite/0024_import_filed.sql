-- A list may file something for each row's record besides the record
-- itself: a school's list of pupils files a request for each pupil in the
-- campaign the upload names. A run counts the rows whose request it
-- created (n_filed) and those it linked to the pupil's request already in
-- the campaign (n_linked), with its other totals and checkpoints.

ALTER TABLE import_uploads ADD COLUMN campaign_id INTEGER REFERENCES campaigns(id);
ALTER TABLE import_runs ADD COLUMN n_filed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_runs ADD COLUMN n_linked INTEGER NOT NULL DEFAULT 0;
