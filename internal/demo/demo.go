// Package demo loads the sample installation that "jol demo" serves: a
// foundation in Almaty with its partners, a charity in Tehran, and one
// login per role, so a newcomer can try every part of Jol at once.
// Later capabilities add their sample data here (children, campaigns,
// requests, stock, cases, mentors).
package demo

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/settings"
)

// Password is the password of every demo login. The demo database is for
// trying Jol on one's own machine; never serve it to a network.
const Password = "jol-demo-2026"

// Services are what the demo data is written through: the same domain
// services a user works with, so the sample obeys every rule.
type Services struct {
	Accounts *accounts.Service
	Orgs     *orgs.Service
	Settings *settings.Service
}

// Login is one demo account.
type Login struct {
	Role  access.Role
	Email string
	Name  string
	Org   string
}

// org is a sample organisation; parent is the key of another one.
type org struct {
	key, name, parent, region string
	typ                       orgs.Type
	locale                    string
}

var organisations = []org{
	{key: "fund", name: "«Мектепке жол» қайырымдылық қоры", typ: orgs.Foundation, region: "KZ-75", locale: "kk"},
	{key: "edu", name: "Управление образования города Алматы", typ: orgs.EducationDepartment, region: "KZ-75", parent: "fund", locale: "ru"},
	{key: "school12", name: "№12 мектеп-гимназия", typ: orgs.School, region: "KZ-75", parent: "edu"},
	{key: "school159", name: "Гимназия №159", typ: orgs.School, region: "KZ-75", parent: "edu"},
	{key: "centre3", name: "Центр поддержки детей №3", typ: orgs.SupportCentre, region: "KZ-75", parent: "fund"},
	{key: "adapt", name: "Центр адаптации несовершеннолетних", typ: orgs.AdaptationCentre, region: "KZ-75", parent: "fund"},
	{key: "astana", name: "Astana Youth Wing", typ: orgs.Party, region: "KZ-71", parent: "fund", locale: "en"},
	{key: "turk", name: "Түркістан облысының білім басқармасы", typ: orgs.EducationDepartment, region: "KZ-61", parent: "fund", locale: "kk"},
	{key: "sponsor", name: "Dala Trade LLP", typ: orgs.Company, region: "KZ-75"},
	{key: "tehran", name: "بنیاد حمایت از تحصیل کودکان", typ: orgs.Charity, region: "IR-23", locale: "fa"},
}

// logins are one per role, plus a Persian-speaking coordinator in Tehran.
// Only that one has a language set; the others follow the browser.
var logins = []struct {
	role        access.Role
	local, name string
	org, region string
	locale      string
}{
	{access.Admin, "admin", "Әсел Нұрланқызы", "", "", ""},
	{access.Coordinator, "coordinator", "Айгерим Садыкова", "fund", "", ""},
	{access.Operator, "operator", "Ольга Ким", "centre3", "KZ-75", ""},
	{access.SchoolStaff, "school", "Ержан Бекұлы", "school12", "KZ-75", ""},
	{access.Warehouse, "warehouse", "Данияр Абенов", "fund", "", ""},
	{access.Outreach, "outreach", "Гульнара Исаева", "edu", "KZ-75", ""},
	{access.Volunteer, "volunteer", "Timur Akhmetov", "fund", "", ""},
	{access.Mentor, "mentor", "Camille Martin", "astana", "KZ-71", ""},
	{access.Sponsor, "sponsor", "Dala Trade", "sponsor", "", ""},
	{access.Auditor, "auditor", "Мадина Ахметова", "fund", "", ""},
	{access.Coordinator, "coordinator.ir", "مریم محمدی", "tehran", "IR-23", "fa"},
}

// Email is the address of a demo login.
func Email(local string) string { return local + "@demo.jol.example" }

// Seed writes the sample installation unless it is already there, and
// returns the logins either way. Running it twice changes nothing.
func Seed(ctx context.Context, s Services) ([]Login, error) {
	p := access.System
	existing, err := s.Accounts.LookupEmail(ctx, Email("admin"))
	seeded := err == nil && existing.ID != 0
	if err != nil && errs.CodeOf(err) != errs.NotFound {
		return nil, err
	}
	ids := map[string]int64{}
	names := map[string]string{}
	if !seeded {
		st := settings.Defaults()
		st.Name = "Jol — demo"
		if err := s.Settings.Update(ctx, p, st); err != nil {
			return nil, fmt.Errorf("demo settings: %w", err)
		}
		for _, o := range organisations {
			created, err := s.Orgs.Create(ctx, p, orgs.Input{Name: o.name, Type: o.typ, ParentID: ids[o.parent],
				RegionCode: o.region, Locale: o.locale})
			if err != nil {
				return nil, fmt.Errorf("demo organisation %q: %w", o.name, err)
			}
			ids[o.key] = created.ID
		}
	}
	for _, o := range organisations {
		names[o.key] = o.name
	}
	var out []Login
	for _, l := range logins {
		if !seeded {
			_, err := s.Accounts.Create(ctx, p, accounts.NewUser{Email: Email(l.local), Name: l.name, Role: l.role,
				OrgID: ids[l.org], Region: l.region, Locale: l.locale, Password: Password})
			if err != nil {
				return nil, fmt.Errorf("demo user %s: %w", l.local, err)
			}
		}
		out = append(out, Login{Role: l.role, Email: Email(l.local), Name: l.name, Org: names[l.org]})
	}
	return out, nil
}
