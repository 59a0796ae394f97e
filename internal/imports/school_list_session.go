package imports

import (
	"cmp"
	"context"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
)

// Open begins a people import that keeps whom each row landed on, and
// the filing of the rows' requests: for real, or for a dry run checked
// as SubmitList would decide them.
func (l schoolList) Open(ctx context.Context, p access.Principal, o Options) (Session[listRow], error) {
	org, err := l.people.orgs.Get(ctx, p, o.OrgID)
	if err != nil {
		return nil, err
	}
	if err := access.Can(p, access.SubmitRequests, org.Target()); err != nil {
		return nil, err
	}
	is, err := l.people.reg.BeginImport(ctx, p, people.ImportOptions{OrgID: o.OrgID, DryRun: o.DryRun, Source: o.Source,
		Hold: o.Hold, MaxHold: o.MaxHold})
	if err != nil {
		return nil, err
	}
	is.KeepPersons()
	kind := requests.BySchool
	if org.Type == orgs.SupportCentre || org.Type == orgs.AdaptationCentre {
		kind = requests.ByCentre
	}
	s := &listSession{is: is, reqs: l.reqs, p: p, base: requests.Input{CampaignID: o.Campaign, ApplicantKind: kind,
		ApplicantOrgID: org.ID, ApplicantName: org.Name, Channel: requests.SchoolList, Locale: org.Locale, Via: "import"}}
	if o.DryRun {
		if s.check, err = l.reqs.CheckList(p); err != nil {
			_, _ = is.Close(ctx)
			return nil, err
		}
	}
	return s, nil
}

// listSession writes a school's list: each batch's persons through the
// people import, then their requests.
type listSession struct {
	is    *people.ImportSession
	reqs  *requests.Service
	p     access.Principal
	base  requests.Input
	check *requests.ListCheck // a dry run's; nil for a real run
}

// Batch writes the rows' persons, then files a request for each person
// written. A row's outcome is its request's: Created, a new request for a
// person the list registered; Updated, a new request for a person found
// in the registry; Unchanged, linked to the request the person had in the
// campaign (from an earlier list, another channel or an earlier row). A
// row whose request is refused is rejected with the reason; its person
// stays written (the parser refused before writing all it could).
func (s *listSession) Batch(ctx context.Context, rows []listRow) ([]Outcome, []RowError, error) {
	prows := make([]people.ImportRow, len(rows))
	for i, r := range rows {
		prows[i] = r.person
	}
	outs, rowErrs, err := peopleSession{s.is}.Batch(ctx, prows)
	if err != nil {
		return nil, nil, err
	}
	var es []requests.ListEntry
	var at []int // the row of each entry
	for i, r := range rows {
		per, ok := s.is.Landed(r.person.Line, peopleOutcome(outs[i]))
		if !ok {
			continue
		}
		in := s.base
		in.PersonID, in.Lines, in.DistanceKm = per.ID, r.lines, r.km
		es = append(es, requests.ListEntry{Input: in, Note: r.note, RegionPath: per.RegionPath, OrgPath: per.OrgPath})
		at = append(at, i)
	}
	var res []requests.ListOutcome
	if s.check != nil {
		res, err = s.check.Check(ctx, es)
	} else {
		res, err = s.reqs.SubmitList(ctx, s.p, es)
	}
	if err != nil {
		return nil, nil, err
	}
	for k, o := range res {
		i := at[k]
		switch {
		case o.Filed == requests.ListLinked:
			outs[i] = Unchanged
		case o.Filed == requests.ListNew && outs[i] != Created:
			outs[i] = Updated
		case o.Filed != requests.ListNew:
			outs[i] = Rejected
			rowErrs = append(rowErrs, listError(rows[i], o.Err)...)
		}
	}
	slices.SortStableFunc(rowErrs, func(a, b RowError) int { return cmp.Compare(a.Line, b.Line) })
	return outs, rowErrs, nil
}

func (s *listSession) Close(ctx context.Context) error {
	_, err := s.is.Close(ctx)
	return err
}

// peopleOutcome is the people import's name of an outcome.
func peopleOutcome(o Outcome) people.Outcome {
	switch o {
	case Created:
		return people.Created
	case Updated:
		return people.Updated
	case Unchanged:
		return people.Unchanged
	}
	return people.Rejected
}
