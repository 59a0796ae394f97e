package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"time"

	"github.com/jolproject/jol/internal/linkage"
	"github.com/jolproject/jol/internal/linkage/names"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// load writes both lists into a new registry, in one transaction of
// plain INSERTs. The lists' places are towns and districts written in
// several scripts, which an import would resolve to the registry's own
// regions; here each place goes to one of Kazakhstan's regions by its
// phonetic key, so that one place in two scripts is mostly one region.
func load(ctx context.Context, path, left, right string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists: load writes a new database", path)
	}
	db, err := open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	// The services seed the regions and the other reference data.
	if _, err := services.New(ctx, db, services.Options{}); err != nil {
		return err
	}
	var regions []int64
	if err := db.Tx(ctx, func(tx *sql.Tx) error {
		regions, err = store.Select(ctx, tx, store.ScanID, `SELECT id FROM regions WHERE path LIKE '/KZ/%' ORDER BY id`)
		return err
	}); err != nil || len(regions) == 0 {
		return fmt.Errorf("regions: %d, %v", len(regions), err)
	}
	began := time.Now()
	seen := map[string]bool{} // ID numbers registered: a live ID is unique
	n := 0
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, store.Rebind(db.Engine, `INSERT INTO persons (last_name, first_name, patronymic,
			name_key, birth_date, sex, id_kind, national_id, region_id, region_path, notes, status, created_at, updated_at)
			SELECT $1, $2, $3, $4, $5, $6, $7, $8, id, path, $9, 'pupil', $10, $10 FROM regions WHERE id = $11`))
		if err != nil {
			return err
		}
		defer st.Close()
		for _, file := range []string{left, right} {
			if err := each(file, func(r []string) error {
				id, last, first, patr := r[0], text.Clean(r[1]), text.Clean(r[2]), text.Clean(r[3])
				var birth sql.NullTime
				if d, ok := linkage.ParseDate(r[4]); ok {
					y, m, dd := d.Parts()
					if t := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC); t.Day() == dd {
						birth = sql.NullTime{Time: t, Valid: true}
					}
				}
				sex := map[linkage.Sex]string{linkage.SexMale: "M", linkage.SexFemale: "F"}[linkage.ParseSex(r[5])]
				if sex == "" {
					sex = "unknown"
				}
				nid, kind := names.Digits(r[6]), "other"
				if nid == "" || seen[nid] {
					nid, kind = "", ""
				}
				seen[nid] = true
				n++
				h := fnv.New32a()
				h.Write([]byte(names.Key(r[7])))
				_, err := st.ExecContext(ctx, last, first, patr, text.NameKey(last, first, patr), birth, sex, kind, nid, id,
					began.UTC(), regions[h.Sum32()%uint32(len(regions))])
				return err
			}); err != nil {
				return fmt.Errorf("%s: %w", file, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Printf("loaded %d persons in %s\n", n, since(began))
	return nil
}

// each calls fn with every row of a list after its header.
func each(path string, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		return err
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
}
