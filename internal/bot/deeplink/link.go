package deeplink

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// MaxLabel bounds a link's label, in characters.
const MaxLabel = 200

// Link is one deep link.
type Link struct {
	ID        int64      `json:"id"`
	Key       string     `json:"key"`
	Kind      Kind       `json:"kind"`
	TargetID  int64      `json:"target_id"`
	Target    string     `json:"target"` // the target's name, in the language asked for
	Label     string     `json:"label,omitempty"`
	Active    bool       `json:"active"`
	CreatedBy string     `json:"created_by,omitempty"` // the maker's name
	CreatedAt time.Time  `json:"created_at"`
	Disabled  *time.Time `json:"disabled_at,omitempty"`
	orgPath   string
	region    string
}

// Scope is the link's scope: its target's.
func (l Link) Scope() access.Target { return access.Target{OrgPath: l.orgPath, RegionPath: l.region} }

// Input makes a link: to the target of Kind with TargetID, or for a
// region the one with RegionCode.
type Input struct {
	Kind       Kind
	TargetID   int64
	RegionCode string
	Label      string
}

// Create makes a link to in's target, which must exist and lie within
// p's scope; p needs ManageBotLinks there.
func (s *Service) Create(ctx context.Context, p access.Principal, in Input) (Link, error) {
	if err := access.Can(p, access.ManageBotLinks, p.Scope()); err != nil {
		return Link{}, err
	}
	in.Label = text.Clean(in.Label)
	fs := valid.Line(nil, "label", in.Label, MaxLabel)
	if !in.Kind.Valid() {
		fs = append(fs, valid.Choice("kind", Kinds()...))
	}
	if err := errs.Validation(fs...); err != nil {
		return Link{}, err
	}
	id, scope, err := s.target(ctx, p, in)
	if err != nil {
		return Link{}, err
	}
	if access.Can(p, access.ManageBotLinks, scope) != nil {
		// A campaign organised above the maker's organisation is theirs
		// to see, not to put on their posters.
		return Link{}, errs.Validation(errs.Field(targetField(in.Kind), "error.botlink_target"))
	}
	key, err := newKey()
	if err != nil {
		return Link{}, err
	}
	now := s.now().UTC()
	var l Link
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var lid int64
		err := tx.QueryRowContext(ctx, s.q.Insert, key, in.Kind, id, in.Label, scope.OrgPath, scope.RegionPath,
			store.NullID(p.UserID), now).Scan(&lid)
		if err != nil {
			return err
		}
		l = Link{ID: lid, Key: key, Kind: in.Kind, TargetID: id, Label: in.Label, Active: true, CreatedBy: p.Name,
			CreatedAt: now, orgPath: scope.OrgPath, region: scope.RegionPath}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "bot_start_link", EntityID: itoa(lid),
			OrgPath: scope.OrgPath, RegionPath: scope.RegionPath,
			After: map[string]any{"kind": in.Kind, "target_id": id, "label": in.Label}})
	})
	return l, err
}

// target checks in's target: it exists and p may see it. A target p may
// not see is reported as not found, beside its field.
func (s *Service) target(ctx context.Context, p access.Principal, in Input) (int64, access.Target, error) {
	var (
		id    int64
		scope access.Target
		err   error
	)
	switch in.Kind {
	case Campaign:
		c, e := s.d.Campaigns.Get(ctx, p, in.TargetID)
		id, scope, err = c.ID, c.Target(), e
	case Event:
		ev, e := s.d.Distribution.Event(ctx, p, in.TargetID)
		id, scope, err = ev.ID, ev.Target(), e
	case Organisation:
		o, e := s.d.Orgs.Get(ctx, p, in.TargetID)
		id, scope, err = o.ID, o.Target(), e
	case Region:
		r, e := s.d.Geo.Lookup(ctx, in.RegionCode)
		id, scope, err = r.ID, access.Target{OrgPath: p.OrgPath, RegionPath: r.Path}, e
		if err == nil && !access.Within(p, scope) {
			err = errs.ErrNotFound
		}
	}
	if e := errs.As(err); err != nil && (errors.Is(err, errs.ErrNotFound) || (e != nil && e.Code == errs.Forbidden)) {
		return 0, scope, errs.Validation(errs.Field(targetField(in.Kind), "error.botlink_target"))
	}
	return id, scope, err
}

// Disable stops link id from working; p needs ManageBotLinks over its
// target. Disabling a disabled link changes nothing.
func (s *Service) Disable(ctx context.Context, p access.Principal, id int64) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		l, err := s.byID(ctx, tx, id, "")
		if err != nil {
			return err
		}
		if !access.Within(p, l.Scope()) {
			return errs.ErrNotFound
		}
		if err := access.Can(p, access.ManageBotLinks, l.Scope()); err != nil || !l.Active {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.Disable, id, store.NullID(p.UserID), s.now().UTC()); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "disable", Entity: "bot_start_link", EntityID: itoa(id),
			OrgPath: l.orgPath, RegionPath: l.region, Before: map[string]any{"active": true}, After: map[string]any{"active": false}})
	})
}

// targetField is the field that names a target of kind.
func targetField(k Kind) string {
	if k == Region {
		return "region"
	}
	return "target_id"
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// plausible reports whether key could be a key at all, so that anything
// else typed after /start is refused without a query.
func plausible(key string) bool {
	if len(key) != KeyLen {
		return false
	}
	return strings.IndexFunc(key, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_')
	}) < 0
}
