package mentorship_test

import (
	"net/url"
	"testing"

	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A concern, a session's topic and a goal's title past their lengths are
// refused beside their field in every language, a megabyte of one before
// it is read, and none of them is stored.
func TestLongTextsAreRefused(t *testing.T) {
	f, ms := seed(t)
	mentor := f.Login(t, "bolat@example.org")
	page := "/mentorships/" + webtest.Itoa(ms.Minor)
	mentor.RefusesLongText("bolat@example.org", page+"/concerns", url.Values{}, "body", mentorship.MaxText)
	mentor.RefusesLongText("bolat@example.org", page+"/sessions", url.Values{"held_on": {"2026-08-28"}, "minutes": {"75"},
		"format": {"in_person"}}, "topic", mentorship.MaxTitle)
	mentor.RefusesLongText("bolat@example.org", page+"/goals", url.Values{}, "title", mentorship.MaxTitle)
	work, err := f.Svc.Mentorship.WorkOf(t.Context(), ms.MentorUser.Principal(), ms.Minor)
	webtest.Check(t, err)
	var concerns int64
	webtest.Check(t, f.DB.R.QueryRow("SELECT COUNT(*) FROM safeguarding_concerns").Scan(&concerns))
	if len(work.Sessions) != 0 || len(work.Goals) != 0 || concerns != 0 {
		t.Errorf("stored %d sessions, %d goals, %d concerns from texts too long", len(work.Sessions), len(work.Goals), concerns)
	}
}
