package demo

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
)

// org is a sample organisation; parent is the key of another one, listed
// before it.
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

	{key: "alm54", name: "№54 жалпы білім беретін мектеп", typ: orgs.School, region: "KZ-75", parent: "edu"},
	{key: "alm175", name: "Общеобразовательная школа №175", typ: orgs.School, region: "KZ-75", parent: "edu"},
	{key: "edu-ast", name: "Астана қаласының білім басқармасы", typ: orgs.EducationDepartment, region: "KZ-71", parent: "fund", locale: "kk"},
	{key: "ast45", name: "№45 мектеп-лицей", typ: orgs.School, region: "KZ-71", parent: "edu-ast"},
	{key: "ast60", name: "Школа-гимназия №60", typ: orgs.School, region: "KZ-71", parent: "edu-ast"},
	{key: "ast81", name: "№81 жалпы орта білім беретін мектеп", typ: orgs.School, region: "KZ-71", parent: "edu-ast"},
	{key: "centre-ast", name: "«Бала қамқор» балаларды қолдау орталығы", typ: orgs.SupportCentre, region: "KZ-71", parent: "fund"},
	{key: "edu-shy", name: "Шымкент қаласының білім басқармасы", typ: orgs.EducationDepartment, region: "KZ-79", parent: "fund", locale: "kk"},
	{key: "shy9", name: "Ы. Алтынсарин атындағы №9 мектеп-гимназия", typ: orgs.School, region: "KZ-79", parent: "edu-shy"},
	{key: "shy34", name: "Ш. Уәлиханов атындағы №34 жалпы орта мектеп", typ: orgs.School, region: "KZ-79", parent: "edu-shy"},
	{key: "shy103", name: "Школа-лицей №103", typ: orgs.School, region: "KZ-79", parent: "edu-shy"},
	{key: "centre-shy", name: "Центр поддержки семьи и детей «Шаңырақ»", typ: orgs.SupportCentre, region: "KZ-79", parent: "fund"},
	{key: "tur1", name: "Түркістан қаласының №1 мектеп-гимназиясы", typ: orgs.School, region: "KZ-61", parent: "turk"},
	{key: "ken5", name: "Кентау қаласының №5 жалпы орта мектебі", typ: orgs.School, region: "KZ-61", parent: "turk"},
	{key: "sai24", name: "Сайрам ауданының №24 жалпы орта мектебі", typ: orgs.School, region: "KZ-61", parent: "turk"},
	{key: "centre-tur", name: "Түркістан облыстық балаларды қолдау орталығы", typ: orgs.SupportCentre, region: "KZ-61", parent: "fund"},
	{key: "teh-b1", name: "دبستان پسرانه شهید رجایی", typ: orgs.School, region: "IR-23", parent: "tehran"},
	{key: "teh-g1", name: "دبستان دخترانه فاطمیه", typ: orgs.School, region: "IR-23", parent: "tehran"},
	{key: "teh-b2", name: "دبیرستان پسرانه علامه طباطبایی", typ: orgs.School, region: "IR-23", parent: "tehran"},
	{key: "teh-g2", name: "دبیرستان دخترانه پروین اعتصامی", typ: orgs.School, region: "IR-23", parent: "tehran"},
	{key: "hotline-kar", name: "Карагандинский областной телефон доверия «Мектепке жол»", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "centre-teh", name: "مرکز حمایت از کودکان منطقه ۱۵", typ: orgs.SupportCentre, region: "IR-23", parent: "tehran"},
}

// seedOrgs creates the sample organisations (and those of the campaigns)
// that are missing, found by
// name and type, and returns the id of each by key. A database loaded by
// an earlier demo gains the organisations added since.
func seedOrgs(ctx context.Context, s *orgs.Service) (map[string]int64, error) {
	type named struct {
		name string
		typ  orgs.Type
	}
	have := map[named]int64{}
	pg := store.Page{Limit: store.MaxLimit}
	for {
		list, next, err := s.List(ctx, access.System, orgs.Filter{}, pg)
		if err != nil {
			return nil, fmt.Errorf("demo organisations: %w", err)
		}
		for _, o := range list {
			have[named{o.Name, o.Type}] = o.ID
		}
		if next == "" {
			break
		}
		pg.Before, _ = strconv.ParseInt(next, 10, 64)
	}
	ids := map[string]int64{}
	for _, o := range slices.Concat(organisations, campaignOrganisations, deliveryOrganisations, outreachOrganisations,
		youthOrganisations) {
		if id, ok := have[named{o.name, o.typ}]; ok {
			ids[o.key] = id
			continue
		}
		created, err := s.Create(ctx, access.System, orgs.Input{Name: o.name, Type: o.typ, ParentID: ids[o.parent],
			RegionCode: o.region, Locale: o.locale})
		if err != nil {
			return nil, fmt.Errorf("demo organisation %q: %w", o.name, err)
		}
		ids[o.key] = created.ID
	}
	return ids, nil
}
