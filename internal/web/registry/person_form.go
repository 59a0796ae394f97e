package registry

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// personFormView is the form that registers a person (Person nil) or
// edits one, with the possible existing records found before creating.
type personFormView struct {
	Page
	Person    *people.Person
	Form      *form
	Matches   []matchRow
	Duplicate string // the record that already holds the ID number typed
	Sexes     []option
	IDKinds   []option
	Orgs      []option
	Grades    []option
	Statuses  []option
	Regions   []option
	Languages []option
	// OtherLanguages are the codes of languages without a checkbox.
	OtherLanguages string
}

// matchRow is a registered person who may be the one being registered.
type matchRow struct {
	people.Match
	Reason string
}

// personFields are the fields of a person's form, in page order.
var personFields = []string{"last_name", "first_name", "patronymic", "birth_date", "sex", "id_kind", "national_id", "phone",
	"region_code", "address", "languages", "org_id", "grade", "status", "disability", "special_needs", "notes"}

// checkedLanguages are the languages the form offers as checkboxes; other
// codes are typed in a text box.
var checkedLanguages = []string{"kk", "ru", "fa", "en", "fr"}

// personInput reads the form into the service's input; false when a field
// could not be read (a date, a grade, a forged organisation), each with
// its error beside it.
func personInput(r *http.Request, rq *request, f *form) (people.Input, bool) {
	v := f.Values
	langs := slices.Clone(r.PostForm["languages"])
	langs = append(langs, strings.FieldsFunc(r.PostFormValue("languages_other"), func(c rune) bool {
		return c == ',' || c == ';' || c == '،' || c == ' '
	})...)
	v["languages"] = strings.Join(langs, ",")
	in := people.Input{LastName: v["last_name"], FirstName: v["first_name"], Patronymic: v["patronymic"],
		Sex: people.Sex(v["sex"]), IDKind: v["id_kind"], NationalID: v["national_id"], Phone: v["phone"],
		RegionCode: kit.NormRegion(v["region_code"]), Address: v["address"], Languages: langs,
		Status: people.Status(v["status"]), Disability: v["disability"] != "", SpecialNeeds: v["special_needs"], Notes: v["notes"]}
	v["region_code"] = in.RegionCode
	in.BirthDate = kit.FormDate(rq, f, "birth_date")
	in.Grade = formNumber(rq, f, "grade", people.MaxGrade)
	var err error
	if in.OrgID, err = kit.FormID(v["org_id"]); err != nil {
		f.Fail(rq.L, "org_id", "error.unknown_org")
	}
	return in, len(f.FieldErrs) == 0
}

// personFormOf fills the form with the person as stored.
func personFormOf(p people.Person) *form {
	f := kit.NewForm(nil, personFields...)
	f.Values = map[string]string{"last_name": p.LastName, "first_name": p.FirstName, "patronymic": p.Patronymic,
		"sex": string(p.Sex), "id_kind": p.IDKind, "national_id": p.NationalID, "phone": p.Phone, "region_code": p.RegionCode,
		"address": p.Address, "languages": strings.Join(p.Languages, ","), "status": string(p.Status),
		"special_needs": p.SpecialNeeds, "notes": p.Notes}
	if !p.BirthDate.IsZero() {
		f.Values["birth_date"] = p.BirthDate.Format(time.DateOnly)
	}
	if p.OrgID != 0 {
		f.Values["org_id"] = strconv.FormatInt(p.OrgID, 10)
	}
	if p.Grade != 0 {
		f.Values["grade"] = strconv.Itoa(p.Grade)
	}
	if p.Disability {
		f.Values["disability"] = "on"
	}
	return f
}

// duplicateOf returns the record that holds the same ID number when err
// is the service's refusal of a duplicate, "" otherwise.
func duplicateOf(err error) string {
	e := errs.As(err)
	if e == nil || e.Key != "error.duplicate_id" {
		return ""
	}
	for i := 0; i+1 < len(e.Args); i += 2 {
		if e.Args[i] == "ID" {
			if id, ok := e.Args[i+1].(string); ok {
				return id
			}
		}
	}
	return ""
}
