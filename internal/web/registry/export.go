package registry

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/tabular"
	"github.com/jolproject/jol/internal/web/kit"
)

// exportKind is the subject kind of an export's access-log entry.
const exportKind = "person_export"

// PeopleExportCSV sends the filtered people list as a CSV file.
func (s *Server) PeopleExportCSV(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.peopleExport(w, r, rq, kit.CSV)
}

// PeopleExportXLSX sends the filtered people list as a workbook.
func (s *Server) PeopleExportXLSX(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.peopleExport(w, r, rq, kit.XLSX)
}

// peopleExport writes the whole filtered people list, every page of it, as
// a CSV file or a workbook in the user's language. It takes the filters and
// order of /people (a search and the cursor are ignored), and a filter
// that does not read sends the user back to the list, where the error is
// shown. Rows are read a page at a time while the file is written, so a
// long list is never held in memory.
//
// Each export adds one entry to the access log, not one per person: kind
// "person_export", via "export", and as subject "q=<the filters as a query
// string>;rows=<the number of persons written>". The entry is written once
// the rows are; if that fails, the download is broken off.
func (s *Server) peopleExport(w http.ResponseWriter, r *http.Request, rq *request, format string) error {
	ctx := r.Context()
	f := kit.QueryForm(r, peopleFilterFields...)
	flt := peopleFilter(rq, f)
	query := filterQuery(f)
	if len(f.FieldErrs) > 0 {
		to := "/people"
		if query != "" {
			to += "?" + query
		}
		http.Redirect(w, r, to, http.StatusSeeOther)
		return nil
	}
	// The first page is read before anything is written, so a refusal or a
	// failing database still becomes an error page.
	first, next, err := s.svc.People.List(ctx, rq.P, flt, people.Page{Limit: store.MaxLimit})
	if err != nil {
		return err
	}
	rows, count, failed := s.exportRows(ctx, rq, flt, first, next)
	name := "people-" + s.Today(rq).Format(time.DateOnly) + "." + format
	h := w.Header()
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	header := exportHeader(rq.L)
	out := &kit.SentWriter{W: w}
	if format == kit.CSV {
		h.Set("Content-Type", "text/csv; charset=utf-8")
		err = tabular.WriteCSV(out, header, rows)
	} else {
		h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		err = tabular.WriteXLSX(out, rq.L.T("people.title"), header, rows, rq.L.Locale() == i18n.FA)
	}
	if err == nil {
		err = *failed
	}
	if err == nil {
		subject := fmt.Sprintf("q=%s;rows=%d", query, *count)
		err = s.svc.Audit.ViewedIn(ctx, rq.P, exportKind, subject, rq.P.Scope(), "export")
	}
	switch {
	case err == nil:
		return nil
	case out.N == 0:
		// Nothing was sent: the error becomes a page, not a file.
		h.Del("Content-Disposition")
		h.Del("Content-Type")
		return err
	}
	// Part of the file was sent: log the error and break the connection
	// off, so the download fails instead of looking whole.
	if !errors.Is(err, context.Canceled) {
		s.Logger.Error("people export", "format", format, "err", err)
	}
	panic(http.ErrAbortHandler)
}

// exportRows yields the rows of the export: the first page as read, then
// the pages after it. It counts the rows in count; a failure to read a
// page stops the rows and is left in failed.
func (s *Server) exportRows(ctx context.Context, rq *request, flt people.Filter, first []people.Person,
	next string) (rows iter.Seq[[]string], count *int, failed *error) {
	count, failed = new(int), new(error)
	loc := string(rq.L.Locale())
	rows = func(yield func([]string) bool) {
		page := first
		for {
			for _, p := range page {
				as, err := s.svc.People.Assignments(ctx, rq.P, p.ID)
				if err != nil {
					*failed = err
					return
				}
				cats := make([]string, 0, len(as))
				for _, a := range as {
					cats = append(cats, a.Category.Name(loc))
				}
				*count++
				if !yield(exportRow(rq.L, p, cats)) {
					return
				}
			}
			if next == "" {
				return
			}
			var err error
			if page, next, err = s.svc.People.List(ctx, rq.P, flt, people.Page{Cursor: next, Limit: store.MaxLimit}); err != nil {
				*failed = err
				return
			}
		}
	}
	return rows, count, failed
}

// exportHeader is the header row of the export in the user's language.
func exportHeader(l *i18n.Localizer) []string {
	return []string{l.T("field.last_name"), l.T("field.first_name"), l.T("field.patronymic"), l.T("field.birth_date"),
		l.T("field.sex"), l.T("field.id_kind"), l.T("field.national_id"), l.T("field.phone"), l.T("field.region_code"),
		l.T("field.address"), l.T("people.school"), l.T("field.grade"), l.T("field.status"), l.T("people.household_id"),
		l.T("field.categories")}
}

// exportRow is one person as the export writes them: names as typed, the
// date of birth as yyyy-mm-dd, coded values spelled out in the user's
// language, and empty cells for what is not known.
func exportRow(l *i18n.Localizer, p people.Person, categories []string) []string {
	var birth, kind, grade, status, household string
	if !p.BirthDate.IsZero() {
		birth = p.BirthDate.Format(time.DateOnly)
	}
	if p.IDKind != "" {
		kind = l.T("idkind." + p.IDKind)
	}
	if p.Grade > 0 {
		grade = kit.Itoa(int64(p.Grade))
	}
	if p.Status != "" {
		status = l.T("personstatus." + string(p.Status))
	}
	switch {
	case p.HouseholdID > 0:
		household = kit.Itoa(p.HouseholdID)
	case p.HouseholdElsewhere: // never the number of a household outside the scope
		household = l.T("people.household_elsewhere_short")
	}
	return []string{p.LastName, p.FirstName, p.Patronymic, birth, sexName(l, p.Sex), kind, p.NationalID, p.Phone,
		p.RegionCode, p.Address, p.OrgName, grade, status, household, strings.Join(categories, "; ")}
}

// filterQuery is the query string of the list's filters that are set, in
// a fixed order: for the export links and the export's access-log entry.
func filterQuery(f *form) string {
	q := url.Values{}
	for _, k := range peopleFilterFields {
		if v := f.Values[k]; v != "" {
			q.Set(k, v)
		}
	}
	return q.Encode()
}

// exportURL is the link to an export of the list with the filters of f.
func exportURL(f *form, format string) string {
	u := "/people/export." + format
	if q := filterQuery(f); q != "" {
		u += "?" + q
	}
	return u
}
