package registry

import (
	"net/http"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// mergeMoves lists what people.Merge moves from the record dropped to the
// record kept: its place in a household, its guardians, the categories
// the record kept is not in yet, its consents, assessments, and the
// placements on offers the record kept is not placed on. Guardianships in
// which the dropped person is the guardian move too; the service has no
// list of them to show here.
func (s *Server) mergeMoves(r *http.Request, rq *request, pg *Page, keep, drop people.Person, guardians []people.Guardianship) ([]moveRow, error) {
	ctx, l := r.Context(), rq.L
	loc := string(l.Locale())
	var out []moveRow
	add := func(label string, items []string) {
		if len(items) > 0 {
			out = append(out, moveRow{Label: label, Items: items})
		}
	}
	// A household outside the user's scope has no number here (see
	// householdName), but the record kept still joins it.
	switch {
	case drop.HouseholdID == 0 && !drop.HouseholdElsewhere:
	case keep.HouseholdID == 0 && !keep.HouseholdElsewhere:
		add(l.T("households.household"), []string{l.T("people.merge_joins", "Household", householdName(l, drop))})
	case keep.HouseholdID != 0 && keep.HouseholdID == drop.HouseholdID:
		add(l.T("households.household"), []string{l.T("people.merge_leaves", "Household", householdName(l, drop))})
	}
	var items []string
	for _, g := range guardians {
		items = append(items, g.GuardianName+" · "+l.T("guardianship."+string(g.Relation)))
	}
	add(l.T("people.guardians"), items)

	kept, err := s.svc.People.Assignments(ctx, rq.P, keep.ID)
	if err != nil {
		return nil, err
	}
	has := map[string]bool{}
	for _, a := range kept {
		has[a.Category.Code] = true
	}
	dropped, err := s.svc.People.Assignments(ctx, rq.P, drop.ID)
	if err != nil {
		return nil, err
	}
	items = nil
	for _, a := range dropped {
		if !has[a.Category.Code] {
			items = append(items, a.Category.Name(loc))
		}
	}
	add(l.T("people.categories"), items)

	consents, err := s.svc.People.ActiveConsents(ctx, rq.P, drop.ID)
	if err != nil {
		return nil, err
	}
	items = nil
	for _, pur := range people.Purposes() {
		if c, ok := consents[pur]; ok {
			items = append(items, l.T("consentpurpose."+string(pur))+" · "+pg.Date(c.RecordedAt))
		}
	}
	add(l.T("people.consents"), items)

	assessments, err := s.svc.Guidance.Assessments(ctx, rq.P, drop.ID)
	if err != nil {
		return nil, err
	}
	items = nil
	for _, a := range assessments {
		items = append(items, a.Instrument+" · "+pg.Day(a.TakenOn))
	}
	add(l.T("assessments.title"), items)

	placed, err := s.svc.Guidance.PlacementsOf(ctx, rq.P, keep.ID)
	if err != nil {
		return nil, err
	}
	offers := map[int64]bool{}
	for _, p := range placed {
		offers[p.OfferID] = true
	}
	placements, err := s.svc.Guidance.PlacementsOf(ctx, rq.P, drop.ID)
	if err != nil {
		return nil, err
	}
	items = nil
	for _, p := range placements {
		if !offers[p.OfferID] {
			items = append(items, p.OrgName+" · "+l.Digits(kit.Itoa(int64(p.Year))))
		}
	}
	add(l.T("places.title"), items)
	return out, nil
}
