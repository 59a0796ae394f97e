package api

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/youth"
)

// TestGuardianLinkAPI: a coordinator issues a minor's guardian link and
// reads its state; the token opens the guardian's answer and nothing
// else; an adult gets none, another organisation's coordinator issues
// none and an operator may not.
func TestGuardianLinkAPI(t *testing.T) {
	f := newFixture(t, storetest.Engine(t))
	reg := Prefix + "/y/register/" + strconv.FormatInt(f.org.ID, 10)
	body := youthBody("Erlan", "2010-03-03")
	body["guardian_name"], body["guardian_relation"], body["guardian_contact"] = "Aliya", "mother", "+7 701 000 11 22"
	minor := decodeAs[youth.Registration](t, f.do(t, "POST", reg, "", body))
	adult := decodeAs[youth.Registration](t, f.do(t, "POST", reg, "", youthBody("Dana", "2006-05-04")))
	path := func(id int64) string { return Prefix + "/youth/" + strconv.FormatInt(id, 10) + "/guardian-link" }
	coord := f.token[access.Coordinator]

	if st := decodeAs[guardianLinkState](t, f.do(t, "GET", path(minor.ID), coord, nil)); st.Status != "none" {
		t.Fatalf("before any link: %+v", st)
	}
	r := f.do(t, "POST", path(minor.ID), coord, nil)
	l := decodeAs[guardianLink](t, r)
	if r.Code != http.StatusCreated || len(l.Token) != youth.TokenLen || l.Path != "/y/guardian/"+l.Token ||
		!l.Expires.Equal(f.w.Clock.Now().UTC().Add(youth.GuardianLinkTTL)) {
		t.Fatalf("issued: %d %s", r.Code, r.Body)
	}
	if r := f.do(t, "GET", Prefix+"/y/"+l.Token+"/shortlist", "", nil); r.Code != http.StatusNotFound {
		t.Fatalf("the guardian link opens the young person's own page: %d", r.Code)
	}
	st := decodeAs[guardianLinkState](t, f.do(t, "GET", path(minor.ID), coord, nil))
	if st.Status != "pending" || st.IssuedBy != f.users[access.Coordinator].ID || strings.Contains(st.Status, l.Token) {
		t.Fatalf("state: %+v", st)
	}
	check(t, f.svc.Youth.AnswerGuardianLink(t.Context(), l.Token, youth.GuardianDeclines))
	if st := decodeAs[guardianLinkState](t, f.do(t, "GET", path(minor.ID), coord, nil)); st.Status != "declined" || st.Answer != youth.GuardianDeclines {
		t.Fatalf("after a refusal: %+v", st)
	}

	if r := f.do(t, "POST", path(adult.ID), coord, nil); r.Code != http.StatusConflict {
		t.Fatalf("an adult's link: %d %s", r.Code, r.Body)
	}
	stranger := f.newToken(t, f.w.Stranger)
	for name, code := range map[string]int{
		"another organisation's coordinator": f.do(t, "POST", path(minor.ID), stranger, nil).Code,
		"another organisation's reading":     f.do(t, "GET", path(minor.ID), stranger, nil).Code,
		"an operator":                        f.do(t, "POST", path(minor.ID), f.token[access.Operator], nil).Code,
	} {
		if code != http.StatusForbidden && code != http.StatusNotFound {
			t.Errorf("%s: %d", name, code)
		}
	}
}
