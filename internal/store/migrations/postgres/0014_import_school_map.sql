-- The schools a list names that no organisation is called may be mapped,
-- per upload, to an organisation the uploader sees: the rows naming that
-- school then go to it, in the preview, the dry run and the import.
-- name_key is the school's name folded as the import compares names.

CREATE TABLE import_school_map (
    upload_id BIGINT NOT NULL REFERENCES import_uploads(id),
    name_key  TEXT NOT NULL,
    org_id    BIGINT NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (upload_id, name_key)
);
