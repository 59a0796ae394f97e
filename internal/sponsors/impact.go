package sponsors

import (
	"context"
	"encoding/json"
	"sort"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// Impact is where exactly one sponsor's gifts in kind went, as
// aggregates: never a child's name or id.
type Impact struct {
	SponsorID  int64        `json:"sponsor_id"`
	CampaignID int64        `json:"campaign_id,omitempty"`
	Lines      []ImpactLine `json:"lines"`
	// Totals: units handed over, children reached (each child counted
	// once per item), institutions reached.
	Units        int64 `json:"units"`
	Children     int64 `json:"children"`
	Institutions int   `json:"institutions"`
}

// ImpactLine is one "20 backpacks → Children Support Centre No. 3 in
// Karaganda: 17 children in grades 1–4": units of an item handed to an
// institution (Institution set) or to children of a region, the children
// they reached and their grades (0 when unknown).
type ImpactLine struct {
	ItemID      int64  `json:"item_id"`
	Item        Names  `json:"item"`
	Units       int64  `json:"units"`
	Institution string `json:"institution,omitempty"`
	RegionCode  string `json:"region_code"`
	Region      Names  `json:"region"`
	Children    int64  `json:"children"`
	GradeMin    int    `json:"grade_min,omitempty"`
	GradeMax    int    `json:"grade_max,omitempty"`
}

// Names is a name in the five languages.
type Names struct {
	EN string `json:"en"`
	KK string `json:"kk,omitempty"`
	RU string `json:"ru,omitempty"`
	FR string `json:"fr,omitempty"`
	FA string `json:"fa,omitempty"`
}

// In is the name in locale, the English one when it has none.
func (n Names) In(locale string) string {
	v := map[string]string{"kk": n.KK, "ru": n.RU, "fr": n.FR, "fa": n.FA}[locale]
	if v == "" {
		return n.EN
	}
	return v
}

// Impact traces sponsor id's units through the stock ledger to the
// children and institutions they were handed to, for campaign (0: every
// campaign; a handover to an institution outside a delivery belongs to
// none). Units given to children are grouped by item and the region
// below the country of the request; units given to an institution by
// item and institution, its children being the pupils its delivery was
// planned for in the line's grades, at most one per unit the pupils were
// each given. p must see the sponsor (staff, or the sponsor's own login).
func (s *Service) Impact(ctx context.Context, p access.Principal, id, campaign int64) (Impact, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return Impact{}, err
	}
	reach, err := s.stock.DonorReach(ctx, s.db.R, id)
	if err != nil {
		return Impact{}, err
	}
	var requests, docs, orgs []int64
	for _, r := range reach {
		if r.Kind == stock.IssuePerson {
			requests = append(requests, r.RequestID)
		} else {
			docs, orgs = append(docs, r.DocID), append(orgs, r.OrgID)
		}
	}
	t := tally{lines: map[lineKey]*lineAcc{}}
	if err := s.tallyChildren(ctx, &t, reach, requests, campaign); err != nil {
		return Impact{}, err
	}
	if err := s.tallyInstitutions(ctx, &t, reach, docs, orgs, campaign); err != nil {
		return Impact{}, err
	}
	return s.finish(ctx, t, id, campaign)
}

// lineKey groups units: an item to an institution (org) or to the
// children of a region (org 0).
type lineKey struct {
	item, org int64
	region    string
}

type lineAcc struct {
	ImpactLine
	persons map[int64]bool // internal only: who counts once
	roster  int64
	perUnit int64
}

type tally struct{ lines map[lineKey]*lineAcc }

func (t *tally) at(k lineKey) *lineAcc {
	a := t.lines[k]
	if a == nil {
		a = &lineAcc{ImpactLine: ImpactLine{ItemID: k.item, RegionCode: k.region}, persons: map[int64]bool{}}
		t.lines[k] = a
	}
	return a
}

func (a *lineAcc) grades(lo, hi int) {
	if lo > 0 && (a.GradeMin == 0 || lo < a.GradeMin) {
		a.GradeMin = lo
	}
	if hi > a.GradeMax {
		a.GradeMax = hi
	}
}

// regionBelowCountry is the code of the region a path names below its
// country (an oblast, a province), or the country's own.
func regionBelowCountry(path string) string {
	codes := geo.PathCodes(path)
	switch len(codes) {
	case 0:
		return ""
	case 1:
		return codes[0]
	}
	return codes[1]
}

func idsJSON(ids []int64) string {
	if len(ids) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(ids)
	return string(b)
}

// finish names the items and regions and orders the lines: most units
// first.
func (s *Service) finish(ctx context.Context, t tally, id, campaign int64) (Impact, error) {
	out := Impact{SponsorID: id, CampaignID: campaign, Lines: []ImpactLine{}}
	items, err := s.itemNames(ctx)
	if err != nil {
		return Impact{}, err
	}
	var codes []string
	for k := range t.lines {
		codes = append(codes, k.region)
	}
	regions, err := s.regionNames(ctx, codes)
	if err != nil {
		return Impact{}, err
	}
	insts := map[string]bool{}
	for _, a := range t.lines {
		l := a.ImpactLine
		l.Item, l.Region = items[l.ItemID], regions[l.RegionCode]
		if l.Institution == "" {
			l.Children = int64(len(a.persons))
		} else {
			insts[l.Institution] = true
			if a.perUnit > 0 {
				l.Children = min(a.roster, l.Units/a.perUnit)
			}
		}
		out.Units += l.Units
		out.Children += l.Children
		out.Lines = append(out.Lines, l)
	}
	out.Institutions = len(insts)
	sort.Slice(out.Lines, func(i, j int) bool {
		a, b := out.Lines[i], out.Lines[j]
		if a.Units != b.Units {
			return a.Units > b.Units
		}
		if a.ItemID != b.ItemID {
			return a.ItemID < b.ItemID
		}
		return a.Institution+a.RegionCode < b.Institution+b.RegionCode
	})
	return out, nil
}

// itemNames are the catalogue's names by item id.
func (s *Service) itemNames(ctx context.Context) (map[int64]Names, error) {
	type row struct {
		id int64
		n  Names
	}
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (row, error) {
		var r row
		return r, sc.Scan(&r.id, &r.n.EN, &r.n.KK, &r.n.RU, &r.n.FR, &r.n.FA)
	}, s.q.ItemNames)
	out := map[int64]Names{}
	for _, r := range rows {
		out[r.id] = r.n
	}
	return out, err
}
