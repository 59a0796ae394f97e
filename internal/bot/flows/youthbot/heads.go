package youthbot

import (
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/mentoring"
)

// heads are the youth organisations a registration from c may go to,
// routed there to the branch that covers the young person's place as the
// web form of that organisation routes it.
func (b *flows) heads(c *conv.Chat) ([]int64, error) {
	l, ok, err := c.Link()
	if err != nil {
		return nil, err
	}
	switch {
	case ok && l.Kind == deeplink.Organisation:
		return []int64{l.TargetID}, nil
	case ok && l.Kind == deeplink.Region && topID(l.Scope().OrgPath) != 0:
		return []int64{topID(l.Scope().OrgPath)}, nil
	}
	place, err := b.s.Geo.Lookup(c.Ctx, c.Data["region"])
	if err != nil {
		return nil, err
	}
	tops, err := b.mentorOrgs(c)
	if err != nil {
		return nil, err
	}
	var near, country []int64
	for _, id := range tops {
		o, err := b.s.Orgs.Get(c.Ctx, access.System, id)
		if err != nil || !o.Active {
			continue
		}
		if geo.InSubtree(place.Path, o.RegionPath) {
			near = append(near, id)
		} else if geo.InSubtree(place.Path, "/"+place.Country+"/") && strings.HasPrefix(o.RegionPath, "/"+place.Country+"/") {
			country = append(country, id)
		}
	}
	if len(near) > 0 {
		return near, nil
	}
	return country, nil
}

// mentorOrgs are the organisations at the top of the trees approved
// mentors belong to: the youth organisations of the programme.
func (b *flows) mentorOrgs(c *conv.Chat) ([]int64, error) {
	var tops []int64
	for f := (mentoring.Filter{Status: mentoring.Approved}); ; {
		page, err := b.s.Mentoring.List(c.Ctx, access.System, f)
		if err != nil {
			return nil, err
		}
		for _, m := range page {
			if id := topID(m.OrgPath); id != 0 && !slices.Contains(tops, id) {
				tops = append(tops, id)
			}
		}
		if len(page) < mentoring.MaxPage {
			slices.Sort(tops)
			return tops, nil
		}
		f.After = page[len(page)-1].ID
	}
}

// topID is the organisation at the top of an organisation path
// ("/4/9/": 4); 0 for none.
func topID(path string) int64 {
	first, _, _ := strings.Cut(strings.Trim(path, "/"), "/")
	id, err := strconv.ParseInt(first, 10, 64)
	if err != nil {
		return 0
	}
	return id
}
