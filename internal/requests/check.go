package requests

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// person is what a submission needs of the person of the registry.
type person struct {
	id, regionID, orgID, mergedInto int64
	name, regionPath, orgPath       string
	phone                           string
	birth                           time.Time // zero when not recorded
}

func (p person) target() access.Target {
	return access.Target{OrgPath: p.orgPath, RegionPath: p.regionPath}
}

func (s *Service) person(ctx context.Context, q store.Querier, id int64) (person, error) {
	var p person
	var last, first, patronymic string
	var birth sql.NullTime
	err := q.QueryRowContext(ctx, s.q.PersonForRequest, id).Scan(&p.id, &last, &first, &patronymic, &p.regionID,
		&p.regionPath, &p.orgID, &p.orgPath, &p.mergedInto, &p.phone, &birth)
	p.birth = store.TimeOf(birth)
	if errors.Is(err, sql.ErrNoRows) {
		return person{}, errs.ErrNotFound
	}
	p.name = fullName(last, first, patronymic)
	return p, err
}

func fullName(last, first, patronymic string) string {
	return strings.Join(strings.Fields(last+" "+first+" "+patronymic), " ")
}

// checkCampaign refuses a campaign that does not take applications today
// or does not cover region path regionPath.
func (s *Service) checkCampaign(ctx context.Context, q store.Querier, id int64, regionPath string) error {
	memo, key := memoIn(q), "campaign/"+itoa(id)+"/"+regionPath
	type verdict struct{ err error }
	if v, ok := memo[key].(verdict); ok {
		return v.err
	}
	err := s.campaignTakes(ctx, q, id, regionPath)
	if memo != nil && (err == nil || errs.As(err) != nil) {
		memo[key] = verdict{err}
	}
	return err
}

func (s *Service) campaignTakes(ctx context.Context, q store.Querier, id int64, regionPath string) error {
	var status string
	var from, until time.Time
	var regions int
	err := q.QueryRowContext(ctx, s.q.CampaignForRequest, id).Scan(&id, &status, &from, &until, &regions)
	if errors.Is(err, sql.ErrNoRows) {
		return errs.Validation(errs.Field("campaign", "error.not_found"))
	}
	if err != nil {
		return err
	}
	today := store.Day(s.now().UTC())
	if status != "open" || today.Before(store.Day(from)) || today.After(store.Day(until)) {
		return errs.New(errs.Conflict, "error.campaign_not_open")
	}
	if regions == 0 {
		return nil
	}
	var covered int
	if err := q.QueryRowContext(ctx, s.q.CampaignCovers, id, regionPath).Scan(&covered); err != nil {
		return err
	}
	if covered == 0 {
		return errs.New(errs.Invalid, "error.request_outside_region")
	}
	return nil
}

// checkLines checks each line against the campaign's offer and the item's
// sizes, and returns the lines to write.
func (s *Service) checkLines(ctx context.Context, q store.Querier, campaignID int64, in []LineInput) ([]Line, error) {
	var fe []errs.FieldError
	out := make([]Line, 0, len(in))
	seen := map[string]bool{}
	for i, l := range in {
		line := Line{Line: i + 1, Quantity: l.Quantity, Size: l.Size}
		it, err := s.item(ctx, q, campaignID, l.ItemID)
		line.ItemID, line.ItemCode, line.ItemName, line.Names = it.id, it.code, it.name, it.names
		if errors.Is(err, sql.ErrNoRows) {
			fe = append(fe, errs.Field(lineField(i, "item"), "error.item_not_offered"))
			continue
		}
		if err != nil {
			return nil, err
		}
		if key := sizeError(it.sizing, l.Size); key != "" {
			fe = append(fe, errs.Field(lineField(i, "size"), key))
		}
		k := itoa(l.ItemID) + "/" + l.Size
		if seen[k] {
			fe = append(fe, errs.Field(lineField(i, "item"), "error.duplicate_line"))
		}
		seen[k] = true
		out = append(out, line)
	}
	if len(fe) > 0 {
		return nil, errs.Validation(fe...)
	}
	return out, nil
}

// offered is an item as a campaign offers it.
type offered struct {
	id                 int64
	code, name, sizing string
	kit                bool
	names              map[string]string // by locale, as Line.Names
}

// item reads item itemID as campaign campaignID offers it (sql.ErrNoRows
// when it does not), once per batch.
func (s *Service) item(ctx context.Context, q store.Querier, campaignID, itemID int64) (offered, error) {
	memo, key := memoIn(q), "item/"+itoa(campaignID)+"/"+itoa(itemID)
	if it, ok := memo[key].(offered); ok {
		return it, nil
	}
	var it offered
	var kk, ru, fr, fa string
	err := q.QueryRowContext(ctx, s.q.CampaignItem, campaignID, itemID).Scan(&it.id, &it.code, &it.name, &it.sizing, &it.kit,
		&kk, &ru, &fr, &fa)
	it.names = map[string]string{"en": it.name, "kk": kk, "ru": ru, "fr": fr, "fa": fa}
	if err == nil && memo != nil {
		memo[key] = it
	}
	return it, err
}

// sizeError returns the message key of what is wrong with size for an item
// of the given sizing, "" when nothing is: the catalogue's rule
// (campaign.CheckSize) in this package's words.
func sizeError(sizing, size string) string {
	switch campaign.CheckSize(campaign.Sizing(sizing), size) {
	case campaign.SizeRequired:
		return "error.size_required"
	case campaign.SizeInvalid:
		return "error.size_invalid"
	case campaign.SizeNotApplicable:
		return "error.size_not_applicable"
	}
	return ""
}
