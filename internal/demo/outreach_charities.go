package demo

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/services"
)

// outreachOrganisations are the organisations of the out-of-school work
// in Qazvin province: four charities of the province's benefactors'
// association (the "qazvin" organisation of the campaigns), each under
// it with its own staff, and three schools of the education department
// that the children are brought back to.
var outreachOrganisations = []org{
	{key: "qz-health", name: "مؤسسهٔ خیریهٔ درمانی شفای قزوین", typ: orgs.Charity, region: "IR-26", parent: "qazvin", locale: "fa"},
	{key: "qz-insurance", name: "صندوق نیکوکاری بیمهٔ سلامت کودکان قزوین", typ: orgs.Charity, region: "IR-26", parent: "qazvin", locale: "fa"},
	{key: "qz-skills", name: "کانون مهارت\u200cآموزی و تجهیزات آموزشی امید", typ: orgs.Charity, region: "IR-26", parent: "qazvin", locale: "fa"},
	{key: "qz-build", name: "خیریهٔ مدرسه\u200cسازی و اطعام دانش\u200cآموزی مهر", typ: orgs.Charity, region: "IR-26", parent: "qazvin", locale: "fa"},
	{key: "qz-boys", name: "دبستان پسرانهٔ شهید مطهری قزوین", typ: orgs.School, region: "IR-26", parent: "edu-qazvin"},
	{key: "qz-girls", name: "دبستان دخترانهٔ نرجس قزوین", typ: orgs.School, region: "IR-26", parent: "edu-qazvin"},
	{key: "qz-takestan", name: "دبیرستان دورهٔ اول فرزانگان تاکستان", typ: orgs.School, region: "IR-26", parent: "edu-qazvin"},
}

// demoCharity is a charity of the association, by the key of its
// organisation.
type demoCharity struct {
	org      string
	capacity int
	domains  []charities.Domain
	note     string
}

// qazvinCharities are the association's four charities: treatment of
// special illnesses, health insurance, skills training with tablets and
// summer courses, and school building with school meals. The last takes
// no referral of a child's need (no need is of its domains): it is on
// the list for the coordinators who plan with it.
var qazvinCharities = []demoCharity{
	{"qz-health", 30, []charities.Domain{charities.Health, charities.SpecialIllness},
		"درمان و داروی کودکان مبتلا به بیماری\u200cهای خاص (تالاسمی، هموفیلی، دیابت نوع ۱) و سمعک و عینک"},
	{"qz-insurance", 80, []charities.Domain{charities.Insurance},
		"حق بیمهٔ تکمیلی یک\u200cسالهٔ کودک و خانواده"},
	{"qz-skills", 12, []charities.Domain{charities.Skills, charities.Devices, charities.OtherDomain},
		"تبلت برای آموزش جبرانی، دوره\u200cهای تابستانی رایگان، معلم داوطلب و آموزش مهارت برای نوجوانان"},
	{"qz-build", 200, []charities.Domain{charities.SchoolBuilding, charities.Food},
		"ساخت و تجهیز مدرسه در روستاها و وعدهٔ غذایی گرم دانش\u200cآموزان"},
}

// seedCharities records the association's charities that are missing
// (found by their organisation) and returns the id of each by the key of
// its organisation. A charity holds no child: it is seeded with the
// organisations, the demo's charity login among its staff.
func seedCharities(ctx context.Context, s *services.Services, ids map[string]int64) (map[string]int64, error) {
	have, err := s.Charities.List(ctx, access.System, "")
	if err != nil {
		return nil, fmt.Errorf("demo charities: %w", err)
	}
	byOrg := map[int64]int64{}
	for _, c := range have {
		byOrg[c.OrgID] = c.ID
	}
	names := map[string]string{}
	for _, o := range outreachOrganisations {
		names[o.key] = o.name
	}
	out := map[string]int64{}
	for _, c := range qazvinCharities {
		if id, ok := byOrg[ids[c.org]]; ok {
			out[c.org] = id
			continue
		}
		created, err := s.Charities.Create(ctx, access.System, charities.Input{Name: names[c.org], OrgID: ids[c.org],
			Capacity: c.capacity, Active: true, Note: c.note, Domains: c.domains, RegionCodes: []string{"IR-26"}})
		if err != nil {
			return nil, fmt.Errorf("demo charity %q: %w", names[c.org], err)
		}
		out[c.org] = created.ID
	}
	return out, nil
}
