package aftercare

import (
	"context"
	"database/sql"
	"regexp"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// The kinds of a volunteer's traits, beside their skills: the languages
// they speak, the subjects they teach and when they are free.
const (
	TraitLanguage = "language"
	TraitSubject  = "subject"
	TraitSlot     = "slot"
)

// Subjects lists the school subjects a teaching volunteer (and a free
// course) may name, in the order forms show them.
func Subjects() []string {
	return []string{"math", "kazakh", "russian", "english", "french", "persian", "literature", "physics", "chemistry",
		"biology", "history", "geography", "informatics", "art", "music", "sport", "other"}
}

// Days and Periods make a volunteer's free slots: "sat.morning" is free
// on Saturday mornings.
var (
	days    = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	periods = []string{"morning", "afternoon", "evening"}
)

// Days lists the days of a slot, Monday first.
func Days() []string { return slices.Clone(days) }

// Periods lists the parts of a day of a slot.
func Periods() []string { return slices.Clone(periods) }

// Slot is the code of day d's period.
func Slot(d, period string) string { return d + "." + period }

// languageCode is an ISO 639 code: two or three lower-case letters.
var languageCode = regexp.MustCompile(`^[a-z]{2,3}$`)

// cleanTraits normalises and checks in's languages, subjects and slots.
func cleanTraits(in *VolunteerInput) []errs.FieldError {
	var fs []errs.FieldError
	in.Languages = tidy(in.Languages)
	for _, l := range in.Languages {
		if !languageCode.MatchString(l) {
			fs = append(fs, errs.Field("languages", "error.invalid_language", "Code", l))
			break
		}
	}
	in.Subjects = tidy(in.Subjects)
	for _, sub := range in.Subjects {
		if !slices.Contains(Subjects(), sub) {
			fs = append(fs, valid.Choice("subjects", Subjects()...))
			break
		}
	}
	if len(in.Subjects) > 0 && !slices.Contains(in.Skills, Teaching) {
		fs = append(fs, errs.Field("subjects", "error.subjects_need_teaching"))
	}
	in.Slots = tidy(in.Slots)
	for _, sl := range in.Slots {
		d, per, _ := strings.Cut(sl, ".")
		if !slices.Contains(days, d) || !slices.Contains(periods, per) {
			fs = append(fs, errs.Field("availability", "error.invalid_slot", "Slot", sl))
			break
		}
	}
	return fs
}

// tidy lower-cases, trims, sorts and de-duplicates codes, dropping blanks.
func tidy(codes []string) []string {
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		if c = strings.ToLower(strings.TrimSpace(c)); c != "" {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// writeTraits replaces volunteer id's languages, subjects and slots.
func (s *Service) writeTraits(ctx context.Context, tx *sql.Tx, id int64, in VolunteerInput) error {
	if _, err := tx.ExecContext(ctx, s.q.DeleteTraits, id); err != nil {
		return err
	}
	for kind, codes := range map[string][]string{TraitLanguage: in.Languages, TraitSubject: in.Subjects,
		TraitSlot: in.Slots} {
		for _, c := range codes {
			if _, err := tx.ExecContext(ctx, s.q.InsertTrait, id, kind, c); err != nil {
				return err
			}
		}
	}
	return nil
}

// withTraits fills the languages, subjects and slots of list in one query.
func (s *Service) withTraits(ctx context.Context, q store.Querier, list []Volunteer) error {
	if len(list) == 0 {
		return nil
	}
	lo, hi := list[0].ID, list[0].ID
	for _, v := range list {
		lo, hi = min(lo, v.ID), max(hi, v.ID)
	}
	type trait struct {
		id         int64
		kind, code string
	}
	rows, err := store.Select(ctx, q, func(sc store.Scanner) (trait, error) {
		var r trait
		return r, sc.Scan(&r.id, &r.kind, &r.code)
	}, s.q.TraitsBetween, lo, hi)
	at := make(map[int64]int, len(list))
	for i := range list {
		list[i].Languages, list[i].Subjects, list[i].Slots = []string{}, []string{}, []string{}
		at[list[i].ID] = i
	}
	for _, r := range rows {
		i, ok := at[r.id]
		if !ok {
			continue
		}
		switch r.kind {
		case TraitLanguage:
			list[i].Languages = append(list[i].Languages, r.code)
		case TraitSubject:
			list[i].Subjects = append(list[i].Subjects, r.code)
		case TraitSlot:
			list[i].Slots = append(list[i].Slots, r.code)
		}
	}
	return err
}
