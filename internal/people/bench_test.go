package people_test

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/text"
)

// benchPersons is how many persons the benchmarks register:
// JOL_BENCH_PERSONS, 100,000 by default.
func benchPersons() int {
	if n, err := strconv.Atoi(os.Getenv("JOL_BENCH_PERSONS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// Names are built from parts so that the registry holds thousands of
// distinct names in three scripts, as a real one does.
var (
	cyrStems = []string{"Ахмет", "Жақып", "Серік", "Нұрлан", "Омар", "Бекмұрат", "Тоқта", "Әбіл", "Қасым", "Есен",
		"Мұхамед", "Сапар", "Ермек", "Жұмабай", "Төле", "Ибрагим", "Курмангали", "Сұлтан", "Байжан", "Темір"}
	cyrEnds  = [2][]string{{"ов", "ев", "ұлы", "бек"}, {"ова", "ева", "қызы", "бекова"}}
	cyrFirst = [2][]string{{"Айбек", "Ерлан", "Дәулет", "Нұрсұлтан", "Тимур", "Әли", "Арман", "Бауыржан", "Ислам", "Санжар"},
		{"Мадина", "Айгерім", "Гүлнар", "Аружан", "Дана", "Жанар", "Әйгерім", "Камила", "Томирис", "Сабина"}}
	latStems = []string{"Akhmet", "Zhakup", "Serik", "Nurlan", "Omar", "Bekmurat", "Tokta", "Abil", "Kasym", "Yesen",
		"Mukhamed", "Sapar", "Ermek", "Zhumabay", "Tole", "Ibragim", "Kurmangali", "Sultan", "Bayzhan", "Temir"}
	latEnds  = [2][]string{{"ov", "ev", "uly", "bek"}, {"ova", "eva", "kyzy", "bekova"}}
	latFirst = [2][]string{{"Aibek", "Yerlan", "Daulet", "Nursultan", "Timur", "Ali", "Arman", "Baurzhan", "Islam", "Sanzhar"},
		{"Madina", "Aigerim", "Gulnar", "Aruzhan", "Dana", "Zhanar", "Aigerim", "Kamila", "Tomiris", "Sabina"}}
	faLast = []string{"محمدی", "حسینی", "رضایی", "کریمی", "موسوی", "احمدی", "جعفری", "صادقی", "رحیمی", "نوری",
		"قاسمی", "هاشمی", "عباسی", "کاظمی", "طاهری", "اکبری", "یوسفی", "فرهادی", "زارعی", "شریفی"}
	faPre   = []string{"", "میر", "آقا", "حاج"}
	faFirst = [2][]string{{"علی", "محمد", "حسین", "رضا", "امیر", "مهدی", "سجاد", "عرفان", "پارسا", "یاسین"},
		{"زهرا", "فاطمه", "مریم", "نرگس", "سارا", "الهام", "نازنین", "ریحانه", "یاسمن", "مهسا"}}
)

// benchName returns the last and first name of the i-th person, of sex s.
func benchName(r *rand.Rand, s int) (last, first string) {
	switch r.IntN(3) {
	case 0:
		return cyrStems[r.IntN(len(cyrStems))] + cyrEnds[s][r.IntN(4)], cyrFirst[s][r.IntN(10)]
	case 1:
		return latStems[r.IntN(len(latStems))] + latEnds[s][r.IntN(4)], latFirst[s][r.IntN(10)]
	}
	return faPre[r.IntN(4)] + faLast[r.IntN(len(faLast))], faFirst[s][r.IntN(10)]
}

// benchRegistry registers benchPersons persons in 20 schools of Almaty on
// SQLite in one transaction, as an import would, in households of three,
// and returns the service, a principal of one school and some of the names
// and IINs registered.
func benchRegistry(b *testing.B) (*world, access.Principal, [][2]string, []string) {
	db := storetest.SQLite(b)
	w := setup(b, db)
	o, _ := orgs.New(db, w.log, clock)
	var schools []orgs.Organisation
	for i := range 20 {
		s, err := o.Create(ctx, admin, orgs.Input{Name: fmt.Sprint("School ", i), Type: orgs.School, ParentID: w.found.ID, RegionCode: "KZ-75"})
		if err != nil {
			b.Fatal(err)
		}
		schools = append(schools, s)
	}
	r := rand.New(rand.NewPCG(1, 2))
	began := time.Now()
	var names [][2]string
	var iins []string
	seen := map[string]bool{}
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, store.Rebind(db.Engine, `INSERT INTO persons (last_name, first_name, name_key,
			birth_date, sex, id_kind, national_id, region_id, region_path, org_id, org_path, status, created_at, updated_at)
			SELECT $1, $2, $3, $4, $5, $6, $7, id, path, $8, $9, 'pupil', $10, $10 FROM regions WHERE code = 'KZ-75'`))
		if err != nil {
			return err
		}
		for i := range benchPersons() {
			sex := i % 2
			last, first := benchName(r, sex)
			birth := day(2005, 1, 1).AddDate(0, 0, i%5000)
			iin, _ := natid.MakeIIN(birth, []natid.Sex{natid.Male, natid.Female}[sex], i/5000)
			kind := "kz_iin"
			if seen[iin] {
				iin, kind = "", ""
			}
			seen[iin] = true
			school := schools[r.IntN(len(schools))]
			if _, err := st.ExecContext(ctx, text.Clean(last), first, text.NameKey(text.Clean(last), first, ""), birth,
				[]string{"M", "F"}[sex], kind, iin, school.ID, school.Path, clock()); err != nil {
				return err
			}
			if i%97 == 0 && iin != "" {
				names = append(names, [2]string{last, first})
				iins = append(iins, iin)
			}
		}
		// Households of three persons in a row, kept by the first one's
		// school: most members are of another school than their household,
		// so a read by one school's operator withholds most numbers.
		if _, err := tx.ExecContext(ctx, `INSERT INTO households (id, org_id, org_path, region_id, region_path, created_at, updated_at)
			SELECT id, org_id, org_path, region_id, region_path, created_at, updated_at FROM persons WHERE id % 3 = 1`); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE persons SET household_id = id - (id - 1) % 3`)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("registered %d persons in %v", benchPersons(), time.Since(began))
	op := access.Principal{UserID: 2, Role: access.Operator, OrgPath: schools[0].Path, RegionPath: "/KZ/"}
	return w, op, names, iins
}
