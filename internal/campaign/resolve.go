package campaign

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// organiser is the organisation a campaign belongs to.
type organiser struct {
	id               int64
	path, regionPath string
}

// resolvedRegion is a region code of the input: covered by the campaign,
// or only named by a contact or a target.
type resolvedRegion struct {
	id      int64
	code    string
	path    string
	covered bool
}

// resolve checks what needs the database — the organiser in p's scope, a
// slug free, the regions, partners, items and previous campaign known —
// adding to fs, and fills in the items' ids.
func (s *Service) resolve(ctx context.Context, tx *sql.Tx, p access.Principal, id int64, in *Input, fs []errs.FieldError) (organiser, []resolvedRegion, []errs.FieldError, error) {
	var org organiser
	var locale string
	if in.OrganiserID != 0 {
		err := tx.QueryRowContext(ctx, s.q.ScopeOrg, in.OrganiserID).Scan(&org.id, &org.path, &org.regionPath, &locale)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			fs = append(fs, errs.Field("organiser_id", "error.unknown_org"))
		case err != nil:
			return org, nil, fs, err
		case access.Can(p, access.ManageCampaigns, access.Target{OrgPath: org.path, RegionPath: org.regionPath}) != nil:
			fs = append(fs, errs.Field("organiser_id", "error.org_out_of_scope"))
		}
	}
	if locale != "" && len(in.Texts) > 0 && !hasText(in.Texts, locale) {
		fs = append(fs, errs.Field(nameField(locale), "error.campaign_text_locale", "Locale", locale))
	}
	var taken int64
	if err := tx.QueryRowContext(ctx, s.q.SlugTaken, in.Slug, id).Scan(&taken); err != nil {
		return org, nil, fs, err
	} else if taken > 0 {
		fs = append(fs, errs.Field("slug", "error.slug_taken"))
	}
	if in.PreviousID != 0 {
		var prog string
		err := tx.QueryRowContext(ctx, s.q.CampaignVersion, in.PreviousID).Scan(new(int), &prog)
		if err != nil || in.PreviousID == id {
			fs = append(fs, errs.Field("previous_id", "error.unknown_campaign"))
		}
	}
	regions, fs := s.resolveRegions(ctx, tx, in, fs)
	fs = s.resolveItems(ctx, tx, in, fs)
	for i, x := range in.Partners {
		var path, rp, l string
		if err := tx.QueryRowContext(ctx, s.q.ScopeOrg, x.OrgID).Scan(new(int64), &path, &rp, &l); err != nil {
			fs = append(fs, errs.Field("partners", "error.unknown_org"))
			break
		}
		for _, y := range in.Partners[:i] {
			if y.OrgID == x.OrgID && y.Role == x.Role {
				fs = append(fs, errs.Field("partners", "error.duplicate"))
			}
		}
	}
	return org, regions, fs, nil
}

// nameField is the form field of the name in locale (name_kk, …).
func nameField(locale string) string { return "name_" + locale }

func hasText(ts []Text, locale string) bool {
	for _, t := range ts {
		if t.Locale == locale {
			return true
		}
	}
	return false
}

// resolveRegions looks up the covered regions and those contacts and
// targets name, which must lie within a covered one.
func (s *Service) resolveRegions(ctx context.Context, tx *sql.Tx, in *Input, fs []errs.FieldError) ([]resolvedRegion, []errs.FieldError) {
	var out []resolvedRegion
	seen := map[string]int{}
	add := func(code string, covered bool, field string) {
		code = strings.ToUpper(strings.TrimSpace(code))
		if code == "" {
			return
		}
		if i, ok := seen[code]; ok {
			if covered && out[i].covered {
				fs = append(fs, errs.Field(field, "error.duplicate"))
			}
			out[i].covered = out[i].covered || covered
			return
		}
		r := resolvedRegion{code: code, covered: covered}
		if err := tx.QueryRowContext(ctx, s.q.RegionByCode, code).Scan(&r.id, &r.path); err != nil {
			fs = append(fs, errs.Field(field, "error.unknown_region", "Code", code))
			return
		}
		seen[code] = len(out)
		out = append(out, r)
	}
	for _, c := range in.RegionCodes {
		add(c, true, "regions")
	}
	for i := range in.Contacts {
		in.Contacts[i].RegionCode = strings.ToUpper(strings.TrimSpace(in.Contacts[i].RegionCode))
		add(in.Contacts[i].RegionCode, false, "contacts")
	}
	for i := range in.Targets {
		in.Targets[i].RegionCode = strings.ToUpper(strings.TrimSpace(in.Targets[i].RegionCode))
		add(in.Targets[i].RegionCode, false, "targets")
		if in.Targets[i].RegionCode == "" {
			fs = append(fs, errs.Field("targets", "error.required", "Field", "region"))
		}
	}
	for _, r := range out {
		if !r.covered && !coveredBy(out, r.path) {
			fs = append(fs, errs.Field("targets", "error.region_not_covered", "Code", r.code))
		}
	}
	return out, fs
}

// coveredBy reports whether path lies within a covered region of rs.
func coveredBy(rs []resolvedRegion, path string) bool {
	for _, r := range rs {
		if r.covered && strings.HasPrefix(path, r.path) {
			return true
		}
	}
	return false
}

// resolveItems finds the offered items by id or code and checks each
// region target names an item offered.
func (s *Service) resolveItems(ctx context.Context, tx *sql.Tx, in *Input, fs []errs.FieldError) []errs.FieldError {
	offered := map[int64]bool{}
	for i, x := range in.Items {
		id, err := s.itemID(ctx, tx, x.ItemID, x.Code)
		if err != nil {
			return append(fs, errs.Field("items", "error.unknown_item", "Code", x.Code))
		}
		if offered[id] {
			fs = append(fs, errs.Field("items", "error.duplicate"))
		}
		offered[id], in.Items[i].ItemID = true, id
	}
	seen := map[RegionTarget]bool{}
	for i, x := range in.Targets {
		id, err := s.itemID(ctx, tx, x.ItemID, x.ItemCode)
		if err != nil || !offered[id] {
			return append(fs, errs.Field("targets", "error.target_not_offered"))
		}
		in.Targets[i].ItemID = id
		key := RegionTarget{ItemID: id, RegionCode: x.RegionCode}
		if seen[key] {
			fs = append(fs, errs.Field("targets", "error.duplicate"))
		}
		seen[key] = true
	}
	return fs
}

// itemID is the catalogue entry named by id or, when id is 0, by code.
func (s *Service) itemID(ctx context.Context, q store.Querier, id int64, code string) (int64, error) {
	if id != 0 {
		return id, q.QueryRowContext(ctx, s.q.ItemIDByID, id).Scan(&id)
	}
	return id, q.QueryRowContext(ctx, s.q.ItemIDByCode, strings.TrimSpace(code)).Scan(&id)
}
