// Package files keeps the files a record carries in the database — a
// request's documents, the photos of a distribution's signed lists: the
// checks an upload passes, the list of a record's files without their
// content, and the read of one with its content, which the access log
// records.
package files

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// File is one stored file as the queries read it: Owner is the record it
// belongs to, Data its content, read only by Open.
type File struct {
	ID          int64
	Owner       int64
	Name        string
	ContentType string
	Size        int
	UploadedBy  int64
	UploadedAt  time.Time
	Data        []byte
}

// Kind is what a record's files may be: at most Max bytes (MaxLabel says
// the limit to the user), of one of Types as their content says, never as
// their name or the browser claims. Unnamed names a file uploaded without
// a name; Subject is the access log's kind for a read of one.
type Kind struct {
	Max      int
	MaxLabel string
	Types    map[string]bool
	Unnamed  string
	Subject  string
}

// Check refuses data over k.Max, saying the limit, an empty file, and data
// whose content is not one of k.Types; it returns the type the content is.
func (k Kind) Check(data []byte) (string, error) {
	if len(data) > k.Max {
		return "", errs.New(errs.TooLarge, "error.document_too_large", "Max", k.MaxLabel)
	}
	if len(data) == 0 {
		return "", errs.New(errs.Invalid, "error.document_empty")
	}
	typ := http.DetectContentType(data)
	if !k.Types[typ] {
		return "", errs.New(errs.Invalid, "error.document_type")
	}
	return typ, nil
}

// Name is the name a file is kept under: the last part of the name the
// browser sent (a Windows path too), or k.Unnamed when that is empty.
func (k Kind) Name(name string) string {
	name = strings.TrimSpace(path.Base(strings.ReplaceAll(name, `\`, "/")))
	if name == "" || name == "." || name == "/" {
		return k.Unnamed
	}
	return name
}

// List reads the files query lists for args, without their content, each
// as as makes it. The query selects id, the owner's id, name,
// content_type, size, the uploader's id (0 for none) and uploaded_at.
func List[T any](ctx context.Context, q store.Querier, query string, as func(File) T, args ...any) ([]T, error) {
	return store.Select(ctx, q, func(sc store.Scanner) (T, error) {
		var f File
		err := sc.Scan(&f.ID, &f.Owner, &f.Name, &f.ContentType, &f.Size, &f.UploadedBy, &f.UploadedAt)
		f.UploadedAt = f.UploadedAt.UTC()
		return as(f), err
	}, query, args...)
}

// Open reads file id of record owner with its content, by query (List's
// columns and then data, for the file's and the owner's ids), and writes
// to the access log that p opened it through via, as a k.Subject of the
// record of scope t. A file that is not the owner's is errs.ErrNotFound;
// nothing is returned when the access log cannot be written.
func (k Kind) Open(ctx context.Context, q store.Querier, query string, id, owner int64, log *audit.Log,
	p access.Principal, t access.Target, via string) (File, error) {
	var f File
	err := q.QueryRowContext(ctx, query, id, owner).Scan(&f.ID, &f.Owner, &f.Name, &f.ContentType,
		&f.Size, &f.UploadedBy, &f.UploadedAt, &f.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return File{}, errs.ErrNotFound
	}
	if err != nil {
		return File{}, err
	}
	if err := log.ViewedIn(ctx, p, k.Subject, strconv.FormatInt(id, 10), t, via); err != nil {
		return File{}, err
	}
	return f, nil
}
