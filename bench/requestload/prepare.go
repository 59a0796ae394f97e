package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

// fixture is what the generator needs to know of the database.
type fixture struct {
	token         string
	campaign, kit int64
	firstChild    int64
	children      int
}

// world is what prepare makes: children to apply for, whether the
// campaign has rules, and the percentage of the children in a category of
// need.
type world struct {
	children int
	rules    bool
	need     int
}

// prepare makes a new database for the load.
func prepare(ctx context.Context, dsn string, wd world) (fixture, error) {
	children := wd.children
	if _, err := os.Stat(dsn); err == nil {
		return fixture{}, fmt.Errorf("%s exists; the load needs a new database", dsn)
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return fixture{}, err
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		return fixture{}, err
	}
	svc, err := services.New(ctx, db, services.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return fixture{}, err
	}
	found, err := svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Foundation", Type: orgs.Foundation, RegionCode: "KZ"})
	if err != nil {
		return fixture{}, err
	}
	u, err := svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "operator@example.org", Name: "Operator",
		Role: access.Operator, OrgID: found.ID, Password: "load-test-password"})
	if err != nil {
		return fixture{}, err
	}
	fx := fixture{children: children}
	if fx.token, _, err = svc.Accounts.CreateToken(ctx, u.Principal(), u.ID, "load"); err != nil {
		return fixture{}, err
	}
	now := time.Now().UTC()
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		q := func(query string, args ...any) (id int64, err error) {
			err = tx.QueryRowContext(ctx, store.Rebind(db.Engine, query), args...).Scan(&id)
			return id, err
		}
		if fx.campaign, err = q(`INSERT INTO campaigns (slug, programme, organiser_id, org_path, starts_on, ends_on,
			status, created_at, updated_at) VALUES ('road-load', 'kits', $1, $2, $3, $4, 'open', $5, $5) RETURNING id`,
			found.ID, found.Path, now.AddDate(0, 0, -1), now.AddDate(0, 1, 0), now); err != nil {
			return err
		}
		if fx.kit, err = q(`INSERT INTO aid_items (code, is_kit, name_en) VALUES ('kit_primary', 1, 'Primary kit') RETURNING id`); err != nil {
			return err
		}
		if _, err = q(`INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 3500) RETURNING item_id`, fx.campaign, fx.kit); err != nil {
			return err
		}
		if _, err = q(`INSERT INTO campaign_regions (campaign_id, region_id, region_path)
			SELECT $1, id, path FROM regions WHERE code = 'KZ-35' RETURNING region_id`, fx.campaign); err != nil {
			return err
		}
		var regionID int64
		var regionPath string
		if err := tx.QueryRowContext(ctx, "SELECT id, path FROM regions WHERE code = 'KZ-35'").Scan(&regionID, &regionPath); err != nil {
			return err
		}
		ins, err := tx.PrepareContext(ctx, store.Rebind(db.Engine, `INSERT INTO persons (last_name, first_name, birth_date,
			region_id, region_path, org_id, org_path, grade, status, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, 3, 'pupil', $8, $8) RETURNING id`))
		if err != nil {
			return err
		}
		defer ins.Close()
		for i := range children {
			var id int64
			if err := ins.QueryRowContext(ctx, "Child", fmt.Sprint(i), time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC),
				regionID, regionPath, found.ID, found.Path, now).Scan(&id); err != nil {
				return err
			}
			if i == 0 {
				fx.firstChild = id
			}
		}
		return nil
	})
	if err == nil && wd.need > 0 {
		// Low-income with evidence valid for a year: eligible under the
		// default rules, all with the same score, so the ranking is by the
		// time of each request.
		_, err = db.W.ExecContext(ctx, store.Rebind(db.Engine, `INSERT INTO person_categories (person_id, category_id,
			expires_on, assigned_at) SELECT p.id, c.id, $1, $2 FROM persons p, categories c
			WHERE c.code = 'low-income' AND p.id % 100 < $3`), store.Day(now.AddDate(1, 0, 0)), now, wd.need)
	}
	if err == nil && wd.rules {
		r, w := eligibility.DefaultRules("kits")
		_, err = svc.Eligibility.SaveRuleSet(ctx, access.System, fx.campaign, r, w)
	}
	return fx, err
}

// count counts the requests stored, those with a current eligibility
// result and those ranked.
func count(ctx context.Context, dsn string) (stored, evaluated, ranked int, err error) {
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return 0, 0, 0, err
	}
	defer db.Close()
	err = db.R.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM requests), count(*),
		COALESCE(SUM(CASE WHEN ranked THEN 1 ELSE 0 END), 0) FROM request_scores`).Scan(&stored, &evaluated, &ranked)
	return stored, evaluated, ranked, err
}
