package letters

import (
	"context"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/volunteers"
)

// todo lists the recipients of w's run not yet written to, by id: the
// sponsors of the campaign, or its volunteers with approved hours (whose
// hours it keeps in w for their letters).
func (s *Service) todo(ctx context.Context, w *writer) ([]int64, error) {
	if w.run.Kind != VolunteerLetter {
		return store.Select(ctx, s.db.R, store.ScanID, s.q.UnthankedSponsors, w.run.CampaignID)
	}
	list, err := s.Volunteers.HoursByVolunteer(ctx, access.System, w.run.CampaignID)
	if err != nil {
		return nil, err
	}
	thanked, err := store.Select(ctx, s.db.R, store.ScanID, s.q.ThankedRecipients, string(VolunteerLetter),
		w.run.CampaignID)
	if err != nil {
		return nil, err
	}
	w.hours = make(map[int64]volunteers.VolunteerHours, len(list))
	var ids []int64
	for _, v := range list {
		if v.Minutes > 0 && !slices.Contains(thanked, v.VolunteerID) {
			w.hours[v.VolunteerID] = v
			ids = append(ids, v.VolunteerID)
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// prepareVolunteer draws volunteer id's letter, with their hours and
// tasks, in the language of volunteerLocale.
func (s *Service) prepareVolunteer(ctx context.Context, w *writer, id int64) prepared {
	v, err := s.Aftercare.Volunteer(ctx, access.System, id)
	if err != nil {
		return prepared{err: err}
	}
	orgLocale := ""
	if o, err := s.Orgs.Get(ctx, access.System, v.OrgID); err == nil {
		orgLocale = o.Locale
	}
	locale := volunteerLocale(v.Languages, orgLocale, w.fallback)
	loc := s.Catalog.Localizer(locale)
	h := w.hours[id]
	c := compose(w.templates[locale], w.head, locale, s.Now().UTC(), loc, map[string]string{
		"volunteer": v.Name,
		"campaign":  w.campaign.Text(string(locale)).Name,
		"hours":     hoursText(loc, h.Minutes),
		"tasks":     tasksText(loc, h),
	})
	doc, pdf, err := s.render(c)
	return prepared{id: id, name: v.Name, locale: locale, content: c, doc: doc, pdf: pdf, err: err}
}

// volunteerLocale is the language of a volunteer's letter: their
// organisation's when they read it (a volunteer's languages are a set, in
// no order of preference), else the first of theirs a letter can be
// written in, else the organisation's, else fallback (the organiser's or
// the installation's), else English.
func volunteerLocale(languages []string, org, fallback string) i18n.Locale {
	if l, ok := i18n.Parse(org); ok && slices.Contains(languages, string(l)) {
		return l
	}
	for _, code := range languages {
		if l, ok := i18n.Parse(code); ok {
			return l
		}
	}
	for _, code := range []string{org, fallback} {
		if l, ok := i18n.Parse(code); ok {
			return l
		}
	}
	return i18n.EN
}

// hoursText is a time in hours in the reader's digits and plural: "1
// hour", "2.5 hours", "21 час".
func hoursText(loc *i18n.Localizer, minutes int) string {
	if minutes%60 == 0 {
		return loc.T("letters.hours", "Count", int64(minutes/60), "Hours", loc.Number(int64(minutes/60)))
	}
	h := math.Round(float64(minutes)/60*100) / 100
	return loc.T("letters.hours", "Count", strconv.FormatFloat(h, 'f', -1, 64), "Hours", loc.Decimal(h, 2))
}

// tasksText lists what a volunteer did for the campaign: the approved
// entries of time, the needs signed up to, the devices set up.
func tasksText(loc *i18n.Localizer, h volunteers.VolunteerHours) string {
	parts := []string{loc.T("letters.tasks_entries", "Count", h.Entries)}
	if h.Needs > 0 {
		parts = append(parts, loc.T("letters.tasks_needs", "Count", h.Needs))
	}
	if h.DeviceTasks > 0 {
		parts = append(parts, loc.T("letters.tasks_devices", "Count", h.DeviceTasks))
	}
	return strings.Join(parts, loc.T("common.list_separator"))
}
