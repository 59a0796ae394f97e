package main

import (
	"context"
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/courses"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/sponsors"
	vols "github.com/jolproject/jol/internal/volunteers"
)

// The demo's coordinator edits the Russian sponsors' template: one with
// an unknown placeholder is refused, naming it; a good one is saved.
// Then, on last year's Road to School, the coordinator writes the
// sponsors' and the volunteers' letters, watches each run finish, sees
// both kinds listed and thanked, and downloads a Russian sponsor's
// letter and the combined file: both read the saved template, the
// sponsor's name, its impact (the server's demo holds no children, so
// the sentence for support not traced to any) and its cash gift to the
// campaign.
func TestBrowserLetters(t *testing.T) {
	tool := pdfToText(t)
	ctx := browser(t)
	s := startServer(t)
	bg := context.Background()
	coord := mustPrincipal(t, s, "coordinator")
	last, err := s.app.Campaigns.Public(bg, "road-"+strconv.Itoa(s.app.now().Year()-1))
	if err != nil {
		t.Fatal(err)
	}
	sponsor := russianSponsor(t, s, last.ID)
	if _, err := s.app.Sponsors.RecordGift(bg, coord, sponsors.GiftInput{SponsorID: sponsor.ID, CampaignID: last.ID,
		Amount: 25000000, Currency: sponsors.KZT, GivenOn: last.StartsOn.AddDate(0, 0, 10), Method: sponsors.BankTransfer}); err != nil {
		t.Fatal(err)
	}
	teachers := volunteerTeachers(t, s, coord, last.ID, "Алия Нурланова", "Марат Ержанов")

	step, cancel := context.WithTimeout(ctx, 240*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.raw
	// submit clicks a submit button and waits for the page that answers,
	// told from the old one by a mark the old one carries.
	submit := func(what, button, next string) {
		t.Helper()
		run(what, chromedp.Evaluate[chromedp.Void](`document.body.dataset.old = "1"`),
			chromedp.Click(chromedp.CSS(button)),
			chromedp.WaitNotPresent(chromedp.CSS("body[data-old]")),
			chromedp.WaitVisible(chromedp.CSS(next)))
	}
	run("log in as the coordinator",
		chromedp.Navigate(s.url+"/login?lang=en"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("coordinator")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".usermenu > summary")))

	run("open the Russian sponsors' template",
		chromedp.Navigate(s.url+"/letters/templates?kind=sponsor&locale=ru"),
		chromedp.WaitVisible(chromedp.CSS("#template-form")),
		chromedp.SetValue(chromedp.CSS("#subject"), "Спасибо, {{sponsor}}!"),
		chromedp.SetValue(chromedp.CSS("#body"), "Уважаемые {{sponsor}}!\n\nВы помогли {{children}} детям."))
	submit("save a template with an unknown placeholder", "#save-template", "#template-form")
	if msg := js(`document.querySelector("#template-form").innerText`); !strings.Contains(msg, "{{children}}") ||
		!strings.Contains(msg, "The template uses {{children}}, which is not a placeholder") {
		t.Errorf("the refusal does not name the placeholder: %s", msg)
	}
	run("write a good template",
		chromedp.SetValue(chromedp.CSS("#body"), "Уважаемые {{sponsor}}!\n\nБлагодарим вас за поддержку акции «{{campaign}}» — "+
			"от имени детей и их семей.\n\n{{impact}}\n\n{{gifts}}"))
	submit("save the good template", "#save-template", "p.flash")
	if flash := js(`document.querySelector("p.flash").innerText`); !strings.Contains(flash, "The template is saved.") {
		t.Errorf("after saving: %q", flash)
	}

	page := s.url + "/campaigns/" + strconv.FormatInt(last.ID, 10) + "/letters"
	for _, k := range []letters.Kind{letters.SponsorLetter, letters.VolunteerLetter} {
		run("open last year's letters", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#run-letters")),
			chromedp.SetValue(chromedp.CSS("#run-kind"), string(k)))
		submit("start the "+string(k)+" letters", "#run-letters", "p.flash")
		// The page reloads itself while the run goes on; it is opened
		// afresh until the run's combined file is offered.
		done := `#run-list tr[data-kind="` + string(k) + `"] a[id^="combined-"]`
		for {
			run("reopen the letters page", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#run-list")))
			if js(`String(document.querySelector('`+done+`') !== null)`) == "true" {
				break
			}
			if step.Err() != nil {
				t.Fatalf("the %s run did not finish: %s", k, js(`document.querySelector("#run-list").innerText`))
			}
			time.Sleep(time.Second)
		}
	}
	shootFull(t, step, "letters-campaign-ru")
	if kinds := js(`Array.from(document.querySelectorAll("#run-list tbody tr")).map(r => r.cells[1].innerText).join("|")`); kinds != "Volunteer's recognition|Sponsor's thanks" {
		t.Errorf("the runs' kinds: %q", kinds)
	}
	sponsorsListed := js(`String(document.querySelectorAll("#sponsor-list tbody tr").length) + " " +
		String(document.querySelectorAll("#sponsor-list a.letter-pdf").length)`)
	if n := strings.Fields(sponsorsListed); n[0] == "0" || n[0] != n[1] {
		t.Errorf("sponsors listed, with letters: %s", sponsorsListed)
	}
	vols := js(`Array.from(document.querySelectorAll("#volunteer-list tbody tr")).map(r => r.cells[0].innerText + ":" + (r.querySelector("a.letter-pdf") ? "letter" : "none")).join("|")`)
	if vols != teachers[0]+":letter|"+teachers[1]+":letter" {
		t.Errorf("volunteers listed: %q", vols)
	}

	// download fetches a link of the page as the browser does, with its
	// login cookie, and returns the file's text.
	download := func(name, selector string) string {
		t.Helper()
		b64 := js(`fetch(document.querySelector('`+selector+`').href).then(r => r.arrayBuffer()).then(b => {
			const u = new Uint8Array(b); let s = "";
			for (let i = 0; i < u.length; i += 8192) s += String.fromCharCode(...u.subarray(i, i + 8192));
			return btoa(s); })`, chromedp.EvalAwaitPromise)
		pdf, err := base64.StdEncoding.DecodeString(b64)
		if err != nil || !strings.HasPrefix(string(pdf), "%PDF-") {
			t.Fatalf("%s: not a PDF (%v)", name, err)
		}
		return readPDF(t, tool, name, pdf)
	}
	own := download("letter-"+sponsor.Name, `#sponsor-list a.letter-pdf[data-recipient="`+strconv.FormatInt(sponsor.ID, 10)+`"]`)
	combined := download("letters-combined", `#run-list tr[data-kind="sponsor"] a[id^="combined-"]`)
	words := []string{"Спасибо,", sponsor.Name, "Благодарим вас за поддержку акции", "от имени детей и их семей",
		"Ваша поддержка помогла акции", "250 000 тенге"}
	for name, text := range map[string]string{"the sponsor's letter": own, "the combined file": combined} {
		for _, w := range words {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q:\n%s", name, w, text)
			}
		}
	}
}

// russianSponsor is a sponsor of campaign whose letters are in Russian.
func russianSponsor(t *testing.T, s *testServer, campaign int64) letters.Recipient {
	t.Helper()
	list, err := s.app.Letters.Recipients(context.Background(), access.System, campaign)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range list {
		if r.Kind == letters.SponsorLetter && r.Language == "ru" {
			return r
		}
	}
	t.Fatalf("campaign %d has no Russian-speaking sponsor: %+v", campaign, list)
	return letters.Recipient{}
}

// volunteerTeachers registers volunteers with logins who teach a course
// of campaign and have three hours of it approved by coord; it returns
// their names, sorted.
func volunteerTeachers(t *testing.T, s *testServer, coord access.Principal, campaign int64, names ...string) []string {
	t.Helper()
	ctx := context.Background()
	c, err := s.app.Campaigns.Get(ctx, access.System, campaign)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	var logins []access.Principal
	for i, name := range names {
		email := "teacher" + strconv.Itoa(i) + "@letters.example.org"
		u, err := s.app.Accounts.Create(ctx, access.System, accounts.NewUser{Email: email, Name: name,
			Role: access.Volunteer, OrgID: coord.OrgID, Locale: "ru", Password: demo.Password})
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.app.Aftercare.CreateVolunteer(ctx, coord, aftercare.VolunteerInput{Name: name, Email: email,
			RegionCode: "KZ-35", OrgID: coord.OrgID, UserID: u.ID, Languages: []string{"ru"}, Active: true,
			Skills: []aftercare.Skill{aftercare.Teaching}, Subjects: []string{"math"}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, v.ID)
		user, err := s.app.Accounts.Lookup(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		logins = append(logins, user.Principal())
	}
	start := c.StartsOn.AddDate(0, 0, 7)
	course, err := s.app.Courses.Create(ctx, coord, courses.Input{CampaignID: c.ID, Title: "Летняя математика",
		Lang: "ru", Subject: "math", GradeMin: 1, GradeMax: 4, Place: "Караганда", StartsOn: start,
		EndsOn: start.AddDate(0, 0, 20), Capacity: 10, RegionCode: "KZ-35", OrgID: coord.OrgID, Teachers: ids})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range logins {
		h, err := s.app.Volunteers.LogHours(ctx, p, vols.HoursInput{WorkedOn: start, Minutes: 180, CourseID: course.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.app.Volunteers.DecideHours(ctx, coord, h.ID, h.Version, vols.Decision{Approve: true}); err != nil {
			t.Fatal(err)
		}
	}
	return names
}

// mustPrincipal is the principal of a demo login.
func mustPrincipal(t *testing.T, s *testServer, local string) access.Principal {
	t.Helper()
	u, err := s.app.Accounts.LookupEmail(context.Background(), demo.Email(local))
	if err != nil {
		t.Fatal(err)
	}
	return u.Principal()
}

// pdfToText is the path of pdftotext, the test skipped without it unless
// JOL_REQUIRE_PDFTOOLS is set.
func pdfToText(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("JOL_REQUIRE_PDFTOOLS") != "" {
			t.Fatalf("pdftotext is required: %v", err)
		}
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	return path
}

// readPDF is the text of pdf, its words joined by single spaces.
func readPDF(t *testing.T, tool, name string, pdf []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", name, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}
