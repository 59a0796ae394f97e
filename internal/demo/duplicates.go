package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/dedupe"
	"github.com/jolproject/jol/internal/linkage/names"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/services"
)

// duplicateCount is how many Karaganda children get a second record.
const duplicateCount = 36

// seedDuplicates writes, for some of Karaganda's children, the second
// record a school list would bring in: the name in Latin letters, a
// typo in the last name, the day and month swapped, and none with the
// ID number (a list rarely has it). Karaganda's children are the
// support centres' and the applicants'; the second records are the
// education department's, so a second seed tells them apart. Then it scans the registry, so the
// duplicate queue is full when the demo starts. A variant already there
// is not written again.
func seedDuplicates(ctx context.Context, s *services.Services, today time.Time, ids map[string]int64) error {
	dept := ids["edu-kar"] // the second records came on the education department's list
	var kids []people.Person
	type who struct {
		last, first string
		birth       time.Time
	}
	have := map[who]bool{}
	pg := people.Page{Limit: 500}
	for {
		list, next, err := s.People.List(ctx, access.System, people.Filter{RegionCode: "KZ-35"}, pg)
		if err != nil {
			return err
		}
		for _, p := range list {
			have[who{p.LastName, p.FirstName, p.BirthDate}] = true
			if a, ok := p.Age(today); ok && a < people.Adult && p.OrgID != dept {
				kids = append(kids, p)
			}
		}
		if next == "" {
			break
		}
		pg.Cursor = next
	}
	slices.SortFunc(kids, func(a, b people.Person) int { return int(a.ID - b.ID) })
	step := max(1, len(kids)/duplicateCount)
	for i := 0; i < duplicateCount && i*step < len(kids); i++ {
		in := variant(kids[i*step], i)
		in.OrgID = dept
		if have[who{in.LastName, in.FirstName, in.BirthDate}] {
			continue
		}
		if _, err := s.People.Create(ctx, access.System, in); err != nil {
			return fmt.Errorf("demo duplicate of %d: %w", kids[i*step].ID, err)
		}
	}
	_, err := s.Dedupe.Run(ctx, dedupe.BySeed, 0)
	return err
}

// variant is the second record of child p, the i-th: by turns the name in
// Latin letters, a typo in the last name, and the day and month of birth
// swapped (a typo where they cannot be), never with the ID number.
func variant(p people.Person, i int) people.Input {
	in := people.Input{LastName: p.LastName, FirstName: p.FirstName, Patronymic: p.Patronymic, BirthDate: p.BirthDate,
		Sex: p.Sex, RegionCode: p.RegionCode, OrgID: p.OrgID, Grade: p.Grade, Status: p.Status, Languages: p.Languages}
	y, m, d := p.BirthDate.Date()
	switch {
	case i%3 == 0:
		in.LastName, in.FirstName, in.Patronymic = latin(p.LastName), latin(p.FirstName), latin(p.Patronymic)
	case i%3 == 2 && d <= 12 && d != int(m):
		in.BirthDate = time.Date(y, time.Month(d), int(m), 0, 0, 0, 0, time.UTC)
		in.Patronymic = ""
	default:
		in.LastName = typo(p.LastName)
	}
	return in
}

// latin writes a name in Latin letters as a list typed from a passport
// would: each word capitalised.
func latin(s string) string {
	words := strings.Fields(names.Latin(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// typo swaps two letters in the middle of a name, as a hurried typist
// does.
func typo(s string) string {
	r := []rune(s)
	if len(r) < 4 {
		return s + string(r[len(r)-1])
	}
	k := len(r) / 2
	r[k], r[k+1] = r[k+1], r[k]
	return string(r)
}
