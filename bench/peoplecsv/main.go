// Command peoplecsv writes a synthetic list of children in the canonical
// import format, for the import benchmarks:
//
//	go run ./bench/peoplecsv -rows 1000000 > people.csv
//
// Names mix Kazakh, Russian and Persian script; every child has a valid
// IIN or Iranian national code (or, for one in twenty, none); children of
// a household share a household_ref and a guardian. The output is the same
// for the same -seed.
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/natid"
)

var header = []string{"last_name", "first_name", "patronymic", "birth_date", "sex", "national_id", "phone",
	"region", "district", "settlement", "address", "school", "grade", "household_ref", "relation",
	"guardian_last_name", "guardian_first_name", "guardian_phone", "categories"}

func main() {
	rows := flag.Int("rows", 1000, "number of children")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	rng := rand.New(rand.NewPCG(*seed, 2026))
	w := csv.NewWriter(bufio.NewWriterSize(os.Stdout, 1<<20))
	if err := w.Write(header); err != nil {
		fail(err)
	}
	for n := 0; n < *rows; {
		h := newHousehold(rng, n)
		for c := 0; c < h.children && n < *rows; c++ {
			if err := w.Write(h.child(rng, n, c)); err != nil {
				fail(err)
			}
			n++
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "peoplecsv:", err)
	os.Exit(1)
}

// household is what the children of one family share.
type household struct {
	ref, last, guardianFirst, guardianPhone, region, address, categories string
	persian                                                              bool
	children                                                             int
}

func newHousehold(rng *rand.Rand, n int) household {
	h := household{ref: "H" + strconv.Itoa(n), children: 1 + rng.IntN(5)}
	h.persian = rng.IntN(10) == 0
	if h.persian {
		h.last = pick(rng, persianLast)
		h.guardianFirst = pick(rng, persianFemale)
		h.region = "استان تهران"
		h.address = "تهران، خیابان " + pick(rng, persianLast) + "، پلاک " + strconv.Itoa(1+rng.IntN(200))
	} else {
		h.last = pick(rng, kazakhLast)
		h.guardianFirst = pick(rng, kazakhFemale)
		r := regions[rng.IntN(len(regions))]
		h.region = r
		h.address = "ул. " + pick(rng, streets) + ", " + strconv.Itoa(1+rng.IntN(150))
	}
	h.guardianPhone = fmt.Sprintf("+7 7%02d %03d %04d", rng.IntN(100), rng.IntN(1000), rng.IntN(10000))
	if h.persian {
		h.guardianPhone = fmt.Sprintf("+98 9%02d %03d %04d", rng.IntN(100), rng.IntN(1000), rng.IntN(10000))
	}
	if h.children >= 4 {
		h.categories = "large-family"
	}
	if rng.IntN(3) == 0 {
		h.categories = join(h.categories, pick(rng, categories))
	}
	return h
}

func (h household) child(rng *rand.Rand, n, c int) []string {
	birth := time.Date(2008+rng.IntN(13), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
	sex := natid.Male
	first := pick(rng, kazakhMale)
	if h.persian {
		first = pick(rng, persianMale)
	}
	if rng.IntN(2) == 0 {
		sex = natid.Female
		first = pick(rng, kazakhFemale)
		if h.persian {
			first = pick(rng, persianFemale)
		}
	}
	id := ""
	switch {
	case rng.IntN(20) == 0:
	case h.persian:
		id = natid.MakeIranCode(n)
	default:
		var err error
		if id, err = natid.MakeIIN(birth, sex, n%10000); err != nil {
			fail(err)
		}
	}
	s := "M"
	if sex == natid.Female {
		s = "F"
	}
	grade := strconv.Itoa(min(11, max(0, 2026-birth.Year()-6)))
	last := h.last
	if sex == natid.Female && !h.persian {
		last = feminine(last)
	}
	return []string{last, first, "", birth.Format("02.01.2006"), s, id, "", h.region, "", "", h.address,
		"School No. " + strconv.Itoa(1+rng.IntN(300)), grade, h.ref, "child", h.last, h.guardianFirst, h.guardianPhone, h.categories}
}

func pick(rng *rand.Rand, xs []string) string { return xs[rng.IntN(len(xs))] }

// feminine gives a Kazakh or Russian surname its feminine form.
func feminine(last string) string {
	for _, suffix := range []string{"ов", "ев", "ин"} {
		if strings.HasSuffix(last, suffix) {
			return last + "а"
		}
	}
	return last
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + ";" + b
}
