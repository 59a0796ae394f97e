package registry

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/web/kit"
)

// MemberAdd adds a registered person to the {id} household, or changes
// their relation when they are in it already.
func (s *Server) MemberAdd(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, memberFields...)
	in := people.MemberInput{Relation: people.Relation(f.Values["relation"]), Head: f.Values["is_head"] != ""}
	if in.PersonID = s.memberID(rq, f); in.PersonID != 0 {
		err := s.svc.People.AddMember(r.Context(), rq.P, id, in)
		if err == nil {
			s.Flash(r, "households.member_added")
			return kit.SeeOther(w, r, householdURL(id)+"#members")
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderHousehold(w, r, rq, f, kit.NewForm(nil, "person"), http.StatusUnprocessableEntity)
}

// MemberRemove takes the {person} out of the {id} household.
func (s *Server) MemberRemove(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	person, err := strconv.ParseInt(r.PathValue("person"), 10, 64)
	if err != nil || person <= 0 {
		return kit.ErrNotFound
	}
	if err := s.svc.People.RemoveMember(r.Context(), rq.P, id, person); err != nil {
		return err
	}
	s.Flash(r, "households.member_removed")
	return kit.SeeOther(w, r, householdURL(id)+"#members")
}

// HeadSet makes a member the head of the {id} household. A member too
// young to head it is refused beside the form, in the user's language.
func (s *Server) HeadSet(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "person")
	if person := s.memberID(rq, f); person != 0 {
		err := s.svc.People.SetHead(r.Context(), rq.P, id, person)
		if err == nil {
			s.Flash(r, "households.head_set")
			return kit.SeeOther(w, r, householdURL(id)+"#members")
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	mf := kit.NewForm(nil, memberFields...)
	mf.Values["relation"] = string(people.Child)
	return s.renderHousehold(w, r, rq, mf, f, http.StatusUnprocessableEntity)
}

// memberID reads the person's record number of a member form; 0 with an
// error beside the field when it is missing or not a number.
func (s *Server) memberID(rq *request, f *form) int64 {
	f.Values["person"] = text.NormalizeDigits(f.Values["person"])
	if f.Values["person"] == "" {
		f.Fail(rq.L, "person", "error.required", "Field", rq.L.T("field.person"))
		return 0
	}
	return kit.FilterID(rq, f, "person")
}
