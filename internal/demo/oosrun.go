package demo

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/oosrun"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/tabular"
)

// The out-of-school sample of Qazvin province: the social-assistance
// list of oosPopulation children of its six districts, imported as a
// population list by the province's education department, this year's
// enrolment list of a school in each district and last year's of two,
// then one run, so that Out of school holds the cases of the children it
// flagged: about 4 % of the school-age children, never enrolled or
// dropped out, visible (on a list as not attending or left),
// semi-invisible (on last year's list only) or invisible.
const oosPopulation = 4000

// qazvinSchools are the schools of the sample, one per district; the
// district is written as the lists write it.
var qazvinSchools = []struct{ name, place string }{
	{"دبستان و دبیرستان شهید رجایی قزوین", "قزوین"},
	{"مدرسه امام خمینی تاکستان", "تاکستان"},
	{"مدرسه فرهنگیان آبیک", "آبیک"},
	{"مدرسه شهید بهشتی بوئین\u200cزهرا", "بوئین\u200cزهرا"},
	{"مدرسه پروین اعتصامی الوند", "البرز"},
	{"مدرسه علامه طباطبایی آوج", "آوج"},
}

// oosChild is a child of the sample's civil register and what the
// enrolment lists say of them.
type oosChild struct {
	last, first, father string
	female              bool
	birth               time.Time
	id                  string
	district            int
	// fate: "" attending; "never" on no list; "absent" on this year's
	// list as not attending; "left" as left; "dropped" on last year's only.
	fate string
}

// seedOOSRun imports the lists and runs the run once; a database that
// has a population list already is left as it is.
func seedOOSRun(ctx context.Context, s *services.Services, today time.Time, ids map[string]int64) error {
	if have, err := s.OOS.Lists(ctx, access.System, oosrun.Population); err != nil || len(have) > 0 {
		return err
	}
	dept := ids["edu-qazvin"]
	var schools []int64
	for _, sc := range qazvinSchools {
		o, err := s.Orgs.Create(ctx, access.System, orgs.Input{Name: sc.name, Type: orgs.School, ParentID: dept,
			RegionCode: "IR-26", Locale: "fa"})
		if err != nil {
			return fmt.Errorf("school %s: %w", sc.name, err)
		}
		schools = append(schools, o.ID)
	}
	year := today.Year()
	if today.Month() < time.August {
		year--
	}
	kids := qazvinChildren(year)
	pop, err := oosImport(ctx, s, "population-list", dept, "فهرست حمایت اجتماعی استان قزوین.csv", populationCSV(kids))
	if err != nil {
		return err
	}
	lists := []int64{}
	for d := range qazvinSchools {
		id, err := oosImport(ctx, s, "enrolment-list", schools[d], fmt.Sprintf("school-%d-%d.csv", d+1, year),
			enrolmentCSV(kids, d, year, false))
		if err != nil {
			return err
		}
		lists = append(lists, id)
	}
	for _, d := range []int{0, 1} {
		id, err := oosImport(ctx, s, "enrolment-list", schools[d], fmt.Sprintf("school-%d-%d.csv", d+1, year-1),
			enrolmentCSV(kids, d, year-1, true))
		if err != nil {
			return err
		}
		lists = append(lists, id)
	}
	_, err = s.OOS.Do(ctx, access.System, oosrun.Input{Population: pop, Enrolment: lists, SchoolYear: year,
		Locale: "fa"})
	return err
}

// surnameEndings make the register's surnames many, as a province's are:
// few children share a name, and the registry's duplicate scan is not
// swamped by namesakes.
var surnameEndings = []string{"", "\u200cپور", "\u200cزاده", "\u200cنیا", "\u200cفر", "\u200cنژاد", "\u200cوند"}

// qazvinChildren draws the register: children of 4 to 18 on 1 September
// of year, by district; of the school-age ones one in 24 is out of
// school (the run finds a few of them on a list under a namesake, as
// runs do, and flags about 4 %).
func qazvinChildren(year int) []oosChild {
	r := rand.New(rand.NewPCG(26, 2026))
	on := time.Date(year, time.September, 1, 0, 0, 0, 0, time.UTC)
	fates := []string{"never", "never", "never", "never", "absent", "left", "dropped", "dropped"}
	out := make([]oosChild, oosPopulation)
	for i := range out {
		last := faSurnames[r.IntN(len(faSurnames))] + surnameEndings[r.IntN(len(surnameEndings))]
		c := oosChild{female: r.IntN(2) == 0, last: last,
			father: faMen[r.IntN(len(faMen))], district: r.IntN(len(qazvinSchools))}
		c.first = faBoys[r.IntN(len(faBoys))]
		if c.female {
			c.first = faGirls[r.IntN(len(faGirls))]
		}
		age := 4 + r.IntN(15)
		c.birth = on.AddDate(-age-1, 0, 1+r.IntN(364))
		c.id = natid.MakeIranCode(r.IntN(900_000_000) + 2_000_000 + i)
		if a := schoolAge(c.birth, on); a && r.IntN(24) == 0 {
			c.fate = fates[r.IntN(len(fates))]
		}
		out[i] = c
	}
	return out
}

// schoolAge reports whether a child born on birth is 6 to 17 on day on.
func schoolAge(birth, on time.Time) bool {
	age := on.Year() - birth.Year()
	if on.YearDay() < birth.YearDay() {
		age--
	}
	return age >= oosrun.MinAge && age <= oosrun.MaxAge
}

// populationCSV is the social-assistance list of the province: names,
// father's name, date of birth, sex and town, without the national code
// (the schools' lists have it, often).
func populationCSV(kids []oosChild) string {
	var b strings.Builder
	b.WriteString("نام خانوادگی,نام,نام پدر,تاریخ تولد,جنسیت,شهر\n")
	for _, c := range kids {
		sex := "پسر"
		if c.female {
			sex = "دختر"
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s\n", c.last, c.first, c.father, c.birth.Format("2006-01-02"), sex,
			qazvinSchools[c.district].place)
	}
	return b.String()
}

// enrolmentCSV is the list school d sends for the school year that
// begins in year: its district's pupils of school age then, as a school
// writes them (Arabic ي and ك in some names, the ID often missing, now
// and then day and month swapped). Last year's list (older) has the
// children who dropped out since, and some of the others.
func enrolmentCSV(kids []oosChild, d, year int, older bool) string {
	var b strings.Builder
	b.WriteString("last_name,first_name,patronymic,birth_date,sex,national_id,settlement,grade,school_year,status\n")
	on := time.Date(year, time.September, 1, 0, 0, 0, 0, time.UTC)
	arabic := strings.NewReplacer("ی", "ي", "ک", "ك")
	for i, c := range kids {
		if c.district != d || !schoolAge(c.birth, on) {
			continue
		}
		status := ""
		switch {
		case older && c.fate != "dropped" && i%4 != 0:
			continue
		case !older && (c.fate == "never" || c.fate == "dropped"):
			continue
		case !older && c.fate == "absent":
			status = "غایب"
		case !older && c.fate == "left":
			status = "ترک تحصیل"
		}
		last, first, id, birth := c.last, c.first, c.id, c.birth.Format("02.01.2006")
		if i%5 == 0 {
			last, first = arabic.Replace(last), arabic.Replace(first)
		}
		if i%3 == 0 {
			id = ""
		}
		if i%11 == 0 && c.birth.Day() <= 12 {
			birth = fmt.Sprintf("%02d.%02d.%d", int(c.birth.Month()), c.birth.Day(), c.birth.Year())
		}
		sex := "M"
		if c.female {
			sex = "F"
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s,%s,%d,%d,%s\n", last, first, c.father, birth, sex, id,
			qazvinSchools[d].place, min(12, max(1, year-c.birth.Year()-6)), year, status)
	}
	return b.String()
}

// oosImport imports body into target for organisation org and returns
// the list it made.
func oosImport(ctx context.Context, s *services.Services, target string, org int64, name, body string) (int64, error) {
	rd, err := tabular.Open(name, bytes.NewReader([]byte(body)), int64(len(body)))
	if err != nil {
		return 0, err
	}
	defer rd.Close()
	var first *imports.RowError
	_, _, err = imports.Run(ctx, s.Imports.Targets.Get(target), access.System, rd,
		imports.Options{OrgID: org, Source: name}, func(e imports.RowError) {
			if first == nil {
				first = &e
			}
		}, nil)
	if err != nil {
		return 0, fmt.Errorf("demo %s %s: %w", target, name, err)
	}
	if first != nil {
		return 0, fmt.Errorf("demo %s %s: line %d %s %s", target, name, first.Line, first.Column, first.Key)
	}
	lists, err := s.OOS.Lists(ctx, access.System, map[string]string{"population-list": oosrun.Population,
		"enrolment-list": oosrun.Enrolment}[target])
	if err != nil {
		return 0, err
	}
	var newest int64
	for _, l := range lists {
		newest = max(newest, l.ID)
	}
	return newest, nil
}
