package sponsors

import (
	"context"
	"encoding/json"

	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// tallyChildren adds the units handed to children: per request (of
// campaign, when not 0) its region below the country and its child's
// grade, read in one query for every request reached.
func (s *Service) tallyChildren(ctx context.Context, t *tally, reach []stock.Reach, requests []int64, campaign int64) error {
	type req struct {
		id, campaign, person int64
		region               string
		grade                int
	}
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (req, error) {
		var r req
		return r, sc.Scan(&r.id, &r.campaign, &r.person, &r.region, &r.grade)
	}, s.q.ReachRequests, idsJSON(requests))
	if err != nil {
		return err
	}
	byID := map[int64]req{}
	for _, r := range rows {
		byID[r.id] = r
	}
	for _, r := range reach {
		q, ok := byID[r.RequestID]
		if r.Kind != stock.IssuePerson || !ok || (campaign != 0 && q.campaign != campaign) {
			continue
		}
		a := t.at(lineKey{item: r.ItemID, region: regionBelowCountry(q.region)})
		a.Units += r.Quantity
		a.persons[q.person] = true
		a.grades(q.grade, q.grade)
	}
	return nil
}

// tallyInstitutions adds the units handed to institutions: a delivery's
// dispatch (of campaign, when not 0) with its lines' grades and rosters;
// a handover outside a delivery only when every campaign is asked.
func (s *Service) tallyInstitutions(ctx context.Context, t *tally, reach []stock.Reach, docs, orgs []int64, campaign int64) error {
	type line struct {
		doc, campaign, item int64
		rule                string
		lo, hi              int
		perPupil, roster    int64
	}
	lines, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (line, error) {
		var l line
		return l, sc.Scan(&l.doc, &l.campaign, &l.item, &l.rule, &l.lo, &l.hi, &l.perPupil, &l.roster)
	}, s.q.ReachDeliveries, idsJSON(docs))
	if err != nil {
		return err
	}
	// The institutions, with the code of the region each stands in.
	type org struct {
		id           int64
		name, region string
	}
	named, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (org, error) {
		var o org
		return o, sc.Scan(&o.id, &o.name, &o.region)
	}, s.q.ReachOrgs, idsJSON(orgs))
	if err != nil {
		return err
	}
	orgByID := map[int64]org{}
	for _, o := range named {
		orgByID[o.id] = o
	}
	byDoc := map[int64][]line{}
	for _, l := range lines {
		byDoc[l.doc] = append(byDoc[l.doc], l)
	}
	for _, r := range reach {
		if r.Kind != stock.IssueInstitution {
			continue
		}
		ls, delivered := byDoc[r.DocID]
		if (delivered && campaign != 0 && ls[0].campaign != campaign) || (!delivered && campaign != 0) {
			continue
		}
		o := orgByID[r.OrgID]
		a := t.at(lineKey{item: r.ItemID, org: r.OrgID, region: o.region})
		a.Institution = o.name
		a.Units += r.Quantity
		for _, l := range ls {
			if l.item == r.ItemID && l.rule == "per_pupil" && l.perPupil > 0 {
				a.grades(l.lo, l.hi)
				a.roster = max(a.roster, l.roster)
				a.perUnit = l.perPupil
			}
		}
	}
	return nil
}

// regionNames are the names of the regions of codes.
func (s *Service) regionNames(ctx context.Context, codes []string) (map[string]Names, error) {
	if codes == nil {
		codes = []string{}
	}
	b, _ := json.Marshal(codes)
	type row struct {
		code string
		n    Names
	}
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (row, error) {
		var r row
		return r, sc.Scan(&r.code, &r.n.EN, &r.n.KK, &r.n.RU, &r.n.FR, &r.n.FA)
	}, s.q.RegionNames, string(b))
	out := map[string]Names{}
	for _, r := range rows {
		out[r.code] = r.n
	}
	return out, err
}
