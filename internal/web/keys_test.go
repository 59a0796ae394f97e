package web

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/tabular"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/dedupe"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/outcomes"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/volunteers"
	"github.com/jolproject/jol/internal/web/admin"
	young "github.com/jolproject/jol/internal/youth"
)

// keyed finds the message keys written out in source: in templates
// (.L.T "key"), and in Go as T("key", errs.New(code, "key"),
// errs.Field("field", "key"), RowError{Key: "key"}, a flash, a page title or
// a menu entry, and any "error.…" literal.
var keyed = []*regexp.Regexp{
	regexp.MustCompile(`\.L\.T\s+"([^"]+)"`),
	regexp.MustCompile(`\bT\("([a-z0-9_]+\.[a-z0-9_.]*[a-z0-9_])"`), // not a prefix ("campaign.status." + s)
	regexp.MustCompile(`errs\.(?:New|Wrap)\([^"]*?"([^"]+)"`),
	regexp.MustCompile(`errs\.Field\([^,]+,\s*"([^"]+)"`),
	regexp.MustCompile(`\bbad\("[^"]*",\s*"([^"]+)"`),
	regexp.MustCompile(`Key:\s*"([^"]+)"`),
	regexp.MustCompile(`&Error\{"([a-z]+\.[a-z_]+)"`), // natid and text errors
	regexp.MustCompile(`[Ff]lash\(r,\s*"([^"]+)"`),
	regexp.MustCompile(`[Ff]ail\(rq\.[lL],\s*"[^"]*",\s*"([^"]+)"`),
	regexp.MustCompile(`[Pp]age\(r, rq, "([^"]+)"\)`),
	regexp.MustCompile(`\{"/[^"]*", "([^"]+)"`),
	regexp.MustCompile(`"(error\.[a-z_]+)"`),
	regexp.MustCompile(`"(home\.link\.[a-z_]+)"`), // the home pages' table
}

// fields finds the field names messages show translated (field.<name>).
var fields = []*regexp.Regexp{
	regexp.MustCompile(`errs\.Field\("([a-z_]+)"`),
	regexp.MustCompile(`"Field",\s*"([a-z_]+)"`),
	regexp.MustCompile(`\((?:field|choice) \.L \.[A-Za-z]+ "([a-z_]+)"`), // the field partials
}

// dynamic finds keys built from a prefix and a value.
var dynamic = regexp.MustCompile(`printf "([a-z_.]+\.)%s"|T\("([a-z_.]+\.)"\s*\+`)

func TestEveryKeyIsInTheCatalogue(t *testing.T) {
	var en map[string]json.RawMessage
	if b, err := os.ReadFile("../i18n/locales/en.json"); err != nil || json.Unmarshal(b, &en) != nil {
		t.Fatalf("read the English catalogue: %v", err)
	}
	roles := strs(access.Roles()...)
	values := map[string][]string{
		"role.": roles, "home.role.": roles, "orgtype.": strs(orgs.Types()...), "calendar.": settings.Calendars(),
		"regiontype.":     admin.RegionTypes(),
		"jobstatus.":      {jobs.Queued, jobs.Running, jobs.Done, jobs.Failed},
		"sex.":            {"m", "f", "unknown"},
		"idkind.":         {people.IDKindIIN, people.IDKindIR, people.IDKindOther},
		"matchreason.":    strs(people.SameID, people.SameNameBirth, people.SimilarNameBirth, people.SameHousehold),
		"personstatus.":   strs(people.Statuses()...),
		"relation.":       strs(people.Relations()...),
		"guardianship.":   strs(people.GuardianRelations()...),
		"consentpurpose.": strs(people.Purposes()...),
		"consentmethod.":  strs(people.Methods()...),
		"home.coming.":    strs(access.Sponsor, access.Volunteer, access.Mentor),
		"income.":         people.IncomeCategories(),
		"requeststatus.":  strs(requests.Statuses()...),
		"requestmove.":    strs(requests.Statuses()[1:]...),
		"requestchannel.": strs(requests.Channels()...),
		"applicantkind.":  strs(requests.ApplicantKinds()...),
		"rejectreason.":   strs(requests.Reasons()...),
		"sizehint.":       {"clothes", "shoes"},
		"botlinks.kind.":  strs(deeplink.Kinds()...),
		"public.status.":  strs(requests.Statuses()...),
		"public.explain.": strs(requests.Statuses()...),
		"public.reason.":  strs(requests.Reasons()...),
		"public.size.":    {"clothes", "shoes"},

		"campaign.programme.": strs(campaign.Programmes()...),
		"campaign.status.":    strs(campaign.Statuses()...),
		"campaign.move.":      strs(campaign.Open, campaign.Closed, campaign.Reported),
		"campaign.role.":      strs(campaign.PartnerRoles()...),
		"campaign.contact.":   strs(campaign.Hotline, campaign.Reception),
		"catalogue.sizing.":   strs(campaign.Sizings()...),
		"appealkind.":         strs(appeals.Kinds()...),
		"appealchannel.":      strs(appeals.Channels()...),
		"appealstatus.":       strs(appeals.Statuses()...),
		"appealoutcome.":      strs(appeals.Outcomes()...),
		"weekday.":            {"friday", "saturday", "sunday"}, // the weekly days off of workdays.Weekend

		"mentoring.background.": strs(mentoring.Backgrounds()...),
		"mentoring.status.":     strs(mentoring.Applied, mentoring.Approved, mentoring.Rejected),
		"mentors.source.":       {"form", "staff", "import"},
		"mentors.final.":        {mentoring.Passed, mentoring.Failed},

		"stock.kind.":       strs(stock.WarehouseKinds()...),
		"stock.doc.":        strs(stock.DocKinds()...),
		"stock.explain.":    strs(stock.DocKinds()...),
		"stock.reason.":     strs(stock.WriteOffReasons()...),
		"stock.donor_kind.": strs(stock.DonorKinds()...),
		"stock.lot.":        strs(stock.LotDonation, stock.LotPurchase, stock.LotKit, stock.LotSurplus),
		"stock.status.":     {stock.Done, stock.InTransit, stock.Received},
		"stock.unit.":       {stock.UnitInStock, stock.UnitInTransit, stock.UnitIssued, stock.UnitWrittenOff, "all"},

		"distribution.status.": strs(distribution.Statuses()...),
		"letters.kind.":        strs(letters.Kinds()...),
		"letters.status.":      {letters.RunQueued, letters.RunRunning, letters.RunDone, letters.RunFailed},
		"letters.placeholder.": append(letters.Placeholders(letters.SponsorLetter), "volunteer", "hours", "tasks"),
		"distribution.move.":   strs(distribution.Open, distribution.Closed),
		"distribution.proof.":  strs(distribution.Proofs()...),
		"delivery.status.":     strs(deliveries.Statuses()...),
		"delivery.reason.":     strs(deliveries.Reasons()...),
		"delivery.rule.":       strs(deliveries.Rules()...),
		"delivery.risk.":       riskCodes(),
		"delivery.skipped.":    {"already_planned", "empty_roster"},
		"aftercare.skill.":     strs(aftercare.Skills()...),
		"outreach.step.":       strs(outreach.Steps()...),
		"outreach.category.":   strs(outreach.Categories()...),
		"outreach.visibility.": strs(outreach.Visibilities()...),
		"outreach.reason.":     strs(outreach.Reasons()...),
		"outreach.need.":       strs(outreach.Needs()...),
		"outreach.outcome.":    strs(outreach.Outcomes()...),
		"outreach.share.":      strs(outreach.SharedFields()...),
		"outreach.decline.":    strs(outreach.DeclineReasons()...),
		"outreach.mode.":       strs(outreach.Modes()...),
		"outreach.referral.":   {"sent", "accepted", "declined", "completed", "withdrawn"},
		"outreach.event.": {"flagged", "reflagged", "assigned", "contacted", "consent", "needs", "referred", "accepted",
			"declined", "enrolled", "check", "closed"},
		"charities.domain.":     strs(charities.Domains()...),
		"aftercare.kind.":       strs(aftercare.Kinds()...),
		"aftercare.status.":     strs(append([]aftercare.Status{aftercare.Active}, aftercare.Statuses()...)...),
		"aftercare.hold.":       {"held", "released", "issued"},
		"sponsors.kind.":        strs(stock.DonorKinds()...),
		"sponsors.method.":      strs(sponsors.Methods()...),
		"sponsors.currency.":    {"kzt", "irr", "usd", "eur"},
		"duplicates.status.":    strs(dedupe.Statuses()...),
		"duplicates.agreement.": strs(dedupe.Agreements()...),
		"matching.status.":      strs(matching.Statuses()...),
		"matching.kind.":        {matching.KindRun, matching.KindRematch},
		"sponsors.pledge.": strs(sponsors.PledgeOpen, sponsors.PledgePartly, sponsors.PledgeFulfilled,
			sponsors.PledgeOverdue),
		"outboxchannel.": strs(requests.StatusPage, requests.SMS, requests.TelegramCh),
		"outboxstate.":   {"pending", "sent", "failed"},

		"subject.":             aftercare.Subjects(),
		"day.":                 aftercare.Days(),
		"period.":              aftercare.Periods(),
		"volunteering.status.": strs(volunteers.HoursStatuses()...),
		"volunteering.need.":   strs(volunteers.NeedOpen, volunteers.NeedCancelled),

		"championship.state.":    strs(championship.States()...),
		"championship.origin.":   strs(championship.Assigned, championship.Submitted),
		"youth.settlement.":      strs(young.Settlements()...),
		"youth.status.":          strs(young.Statuses()...),
		"youth.channel.":         strs(young.Channels()...),
		"youth.format.":          strs(mentoring.InPerson, mentoring.Online),
		"strand.":                strs(strands.Strands()...),
		"outcome.":               strs(outcomes.Codes()...),
		"selection.macro.":       strs(selection.Macros()...),
		"selection.state.":       strs(selection.Collecting, selection.Ranked, selection.Appeals, selection.Published),
		"selection.quota_mode.":  strs(selection.Fixed, selection.ProportionalQuotas),
		"selection.tie.":         strs(selection.RegisteredFirst, selection.Draw),
		"selection.reason.":      strs(selection.WithinQuota, selection.Redistributed, selection.Below),
		"selection.appeal.":      {"open", "upheld", "rejected"},
		"selection.source.":      {"championship", "tournament"},
		"mentorship.status.":     strs(mentorship.Statuses()...),
		"mentorship.format.":     {mentorship.InPerson, mentorship.Online},
		"mentorship.goal.":       strs(mentorship.GoalStatuses()...),
		"safeguarding.status.":   strs(mentorship.ConcernStatuses()...),
		"safeguarding.reporter.": {"admin", "coordinator", "mentor", "auditor", "youth"},
	}
	want := map[string][]string{} // key → files using it
	use := func(key, file string) {
		if !slices.Contains(want[key], file) {
			want[key] = append(want[key], file)
		}
	}
	var files []string
	// This package, the kernel and every room (the directories beside it).
	files = append(files, glob(t, "*/*.go")...)
	for _, dir := range []string{".", "../accounts", "../orgs", "../settings", "../geo", "../api", "../people", "../imports", "../natid", "../text", "../public", "../campaign", "../stock", "../deliveries", "../aftercare", "../sponsors", "../volunteers", "../courses", "../home"} {
		files = append(files, glob(t, filepath.Join(dir, "*.go"))...)
	}
	// The templates of this package, of the kernel and of every room.
	files = append(files, glob(t, "templates/*/*.html")...)
	files = append(files, glob(t, "*/templates/*/*.html")...)
	files = append(files, glob(t, "kit/templates/*.html")...)
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		for _, re := range keyed {
			for _, m := range re.FindAllStringSubmatch(src, -1) {
				use(m[1], file)
			}
		}
		for _, re := range fields {
			for _, m := range re.FindAllStringSubmatch(src, -1) {
				use("field."+m[1], file)
			}
		}
		for _, m := range dynamic.FindAllStringSubmatch(src, -1) {
			prefix := m[1] + m[2]
			if prefix == "field." {
				continue // the field names are checked above
			}
			vals, ok := values[prefix]
			if !ok {
				t.Errorf("%s: keys %s… are built from values this test cannot list", file, prefix)
			}
			for _, v := range vals {
				use(prefix+v, file)
			}
		}
	}
	// tabular names its keys in constants.
	for _, k := range []string{tabular.KeyEmpty, tabular.KeyOldExcel, tabular.KeyFormat, tabular.KeyEncoding,
		tabular.KeyDuplicateHeader, tabular.KeyTooLarge, tabular.KeyQuote, tabular.KeyBadText} {
		use(k, "../tabular/errors.go")
	}
	// geo names the fields of its name columns through a variable.
	for _, n := range []string{"name_en", "name_kk", "name_ru", "name_fr", "name_fa"} {
		use("field."+n, "../geo/columns.go")
	}
	if len(want) < 100 {
		t.Fatalf("found only %d keys: the patterns no longer match the code", len(want))
	}
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if _, ok := en[k]; !ok {
			t.Errorf("%s is not in the English catalogue (used in %s)", k, strings.Join(want[k], ", "))
		}
	}
}

// riskCodes are the codes of the board's risks.
func riskCodes() (out []string) {
	for _, r := range deliveries.Risks() {
		out = append(out, r.String())
	}
	return out
}

// strs turns values of a string type into strings.
func strs[T ~string](vs ...T) (out []string) {
	for _, v := range vs {
		out = append(out, string(v))
	}
	return out
}

func glob(t *testing.T, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no files match %s (%v)", pattern, err)
	}
	return files
}
