package registry

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// mergeView is the page that merges two records of one person: a search
// for the other record (or the likely duplicates when nothing was
// searched), then both side by side with what the merge will move, and
// the confirmation.
type mergeView struct {
	Page
	Person    people.Person
	Query     string
	Found     []mergeCandidate
	Suggested bool // Found are likely duplicates, not a search's results
	Compare   *mergeCompare
	Form      *form
}

// mergeCandidate is a record the page's one may be merged with; Reason
// says why a suggestion may be the same person.
type mergeCandidate struct {
	personRow
	Reason string
}

// mergeFormFields are the fields of the confirmation.
var mergeFormFields = []string{"keep", "drop", "confirm"}

// MergeForm shows the merge page of the {id} person: ?q= searches for the
// other record, ?with= compares with it and ?keep= says which is kept.
func (s *Server) MergeForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	f := kit.NewForm(nil, mergeFormFields...)
	f.Values["drop"] = q.Get("with")
	if keep := q.Get("keep"); keep != "" && keep == q.Get("with") {
		f.Values["keep"], f.Values["drop"] = keep, r.PathValue("id")
	}
	return s.renderMerge(w, r, rq, f, http.StatusOK)
}

// PersonMerge merges the two records the confirmation names, one of them
// the {id} person, and goes to the record kept. A refusal (different
// households, a guardian and their ward, a record merged already) comes
// back above the comparison in the user's language.
func (s *Server) PersonMerge(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, mergeFormFields...)
	if f.Values["confirm"] == "" {
		f.Fail(rq.L, "confirm", "people.merge_confirm_required")
	}
	keep, drop, ok := mergePair(r, f)
	if !ok {
		f.Summary = rq.L.T("people.merge_choose")
	} else if len(f.FieldErrs) == 0 {
		_, err := s.svc.People.Merge(r.Context(), rq.P, keep, drop)
		if err == nil {
			s.Flash(r, "people.merge_done")
			return kit.SeeOther(w, r, personURL(keep))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
		// The service ties its refusals to the record, which the
		// confirmation shows as a whole.
		if msg, ok := f.FieldErrs["person"]; ok {
			delete(f.FieldErrs, "person")
			f.Summary = msg
		}
	}
	return s.renderMerge(w, r, rq, f, http.StatusUnprocessableEntity)
}

// mergePair reads the records a merge form names: the one kept and the one
// dropped, one of them the {id} person; false when they are not that.
func mergePair(r *http.Request, f *form) (keep, drop int64, ok bool) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	keep, _ = strconv.ParseInt(f.Values["keep"], 10, 64)
	drop, _ = strconv.ParseInt(f.Values["drop"], 10, 64)
	if keep == 0 {
		keep = id
	}
	return keep, drop, keep > 0 && drop > 0 && keep != drop && (keep == id || drop == id)
}

// renderMerge shows the merge page of the {id} person with f, comparing
// the two records f names when it names them.
func (s *Server) renderMerge(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx, l := r.Context(), rq.L
	p, err := s.editedPerson(r, rq)
	if err != nil {
		return err
	}
	v := &mergeView{Page: s.Page(r, rq, "people.merge"), Person: p, Form: f, Query: r.URL.Query().Get("q")}
	v.Path = personURL(p.ID) + "/merge"
	if keep, drop, ok := mergePair(r, f); ok {
		if v.Compare, err = s.compare(r, rq, &v.Page, p, keep, drop); err != nil {
			return err
		}
		s.Render(w, status, "person_merge", v)
		return nil
	}
	var list []people.Person
	reasons := map[int64]string{}
	if v.Query != "" {
		if list, err = s.svc.People.Search(ctx, rq.P, v.Query, 0); err != nil {
			return err
		}
	} else {
		v.Suggested = true
		ms, err := s.svc.People.Matches(ctx, rq.P, people.Candidate{LastName: p.LastName, FirstName: p.FirstName,
			Patronymic: p.Patronymic, BirthDate: p.BirthDate, NationalID: p.NationalID, Except: p.ID})
		if err != nil {
			return err
		}
		for _, m := range ms {
			list = append(list, m.Person)
			reasons[m.Person.ID] = l.T("matchreason." + string(m.Reason))
		}
	}
	var others []people.Person
	for _, o := range list {
		if o.ID != p.ID && o.MergedInto == 0 {
			others = append(others, o)
		}
	}
	rows, err := s.personRows(ctx, rq, others)
	if err != nil {
		return err
	}
	for _, row := range rows {
		v.Found = append(v.Found, mergeCandidate{personRow: row, Reason: reasons[row.ID]})
	}
	s.Render(w, status, "person_merge", v)
	return nil
}
