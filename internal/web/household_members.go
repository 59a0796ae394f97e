package web

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/text"
)

// memberAdd adds a registered person to the {id} household, or changes
// their relation when they are in it already.
func (s *Server) memberAdd(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f := newForm(r, memberFields...)
	in := people.MemberInput{Relation: people.Relation(f.Values["relation"]), Head: f.Values["is_head"] != ""}
	if in.PersonID = s.memberID(rq, f); in.PersonID != 0 {
		err := s.svc.People.AddMember(r.Context(), rq.p, id, in)
		if err == nil {
			s.flash(r, "households.member_added")
			return seeOther(w, r, householdURL(id)+"#members")
		}
		if !f.absorb(rq.l, err) {
			return err
		}
	}
	return s.renderHousehold(w, r, rq, f, newForm(nil, "person"), http.StatusUnprocessableEntity)
}

// memberRemove takes the {person} out of the {id} household.
func (s *Server) memberRemove(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	person, err := strconv.ParseInt(r.PathValue("person"), 10, 64)
	if err != nil || person <= 0 {
		return errNotFound
	}
	if err := s.svc.People.RemoveMember(r.Context(), rq.p, id, person); err != nil {
		return err
	}
	s.flash(r, "households.member_removed")
	return seeOther(w, r, householdURL(id)+"#members")
}

// headSet makes a member the head of the {id} household. A member too
// young to head it is refused beside the form, in the user's language.
func (s *Server) headSet(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f := newForm(r, "person")
	if person := s.memberID(rq, f); person != 0 {
		err := s.svc.People.SetHead(r.Context(), rq.p, id, person)
		if err == nil {
			s.flash(r, "households.head_set")
			return seeOther(w, r, householdURL(id)+"#members")
		}
		if !f.absorb(rq.l, err) {
			return err
		}
	}
	mf := newForm(nil, memberFields...)
	mf.Values["relation"] = string(people.Child)
	return s.renderHousehold(w, r, rq, mf, f, http.StatusUnprocessableEntity)
}

// memberID reads the person's record number of a member form; 0 with an
// error beside the field when it is missing or not a number.
func (s *Server) memberID(rq *request, f *form) int64 {
	f.Values["person"] = text.NormalizeDigits(f.Values["person"])
	if f.Values["person"] == "" {
		f.fail(rq.l, "person", "error.required", "Field", rq.l.T("field.person"))
		return 0
	}
	return filterID(rq, f, "person")
}
