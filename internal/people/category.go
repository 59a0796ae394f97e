package people

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Category is a category of need a person may be put in, with evidence.
type Category struct {
	ID      int64  `json:"id"`
	Code    string `json:"code"`
	NameEN  string `json:"name_en"`
	NameKK  string `json:"name_kk"`
	NameRU  string `json:"name_ru"`
	NameFR  string `json:"name_fr"`
	NameFA  string `json:"name_fa"`
	Active  bool   `json:"active"`  // offered for new assignments
	Builtin bool   `json:"builtin"` // shipped with Jol; Seed keeps its names
	Sort    int    `json:"sort"`
}

// Name returns the category's name in locale (kk, ru, en, fr or fa), or
// the English name when there is none in that language.
func (c Category) Name(locale string) string {
	n := map[string]string{"kk": c.NameKK, "ru": c.NameRU, "fr": c.NameFR, "fa": c.NameFA}[locale]
	if n == "" {
		return c.NameEN
	}
	return n
}

// Builtin returns the categories Jol ships, in their order.
func Builtin() []Category {
	return []Category{
		{Code: "low-income", NameEN: "Low-income family", NameKK: "Аз қамтылған отбасы", NameRU: "Малообеспеченная семья",
			NameFR: "Famille à faibles revenus", NameFA: "خانواده کم\u200cدرآمد"},
		{Code: "large-family", NameEN: "Large family", NameKK: "Көпбалалы отбасы", NameRU: "Многодетная семья",
			NameFR: "Famille nombreuse", NameFA: "خانواده پرجمعیت"},
		{Code: "orphan", NameEN: "Orphan", NameKK: "Жетім бала", NameRU: "Ребёнок-сирота",
			NameFR: "Orphelin", NameFA: "کودک یتیم"},
		{Code: "no-parental-care", NameEN: "Without parental care", NameKK: "Ата-ана қамқорлығынсыз қалған бала",
			NameRU: "Ребёнок, оставшийся без попечения родителей", NameFR: "Enfant privé de protection parentale",
			NameFA: "کودک بی\u200cسرپرست"},
		{Code: "disability", NameEN: "Disability or special educational needs",
			NameKK: "Мүгедектік немесе ерекше білім беру қажеттіліктері", NameRU: "Инвалидность или особые образовательные потребности",
			NameFR: "Handicap ou besoins éducatifs particuliers", NameFA: "معلولیت یا نیازهای ویژه آموزشی"},
		{Code: "incomplete-family", NameEN: "Single-parent family", NameKK: "Толық емес отбасы", NameRU: "Неполная семья",
			NameFR: "Famille monoparentale", NameFA: "خانواده تک\u200cوالد"},
		{Code: "dysfunctional-family", NameEN: "Dysfunctional family", NameKK: "Әлеуметтік жағдайы қолайсыз отбасы",
			NameRU: "Неблагополучная семья", NameFR: "Famille en grande difficulté", NameFA: "خانواده آسیب\u200cدیده"},
		{Code: "risk-group", NameEN: "Risk group or deviant behaviour", NameKK: "Тәуекел тобы немесе девиантты мінез-құлық",
			NameRU: "Группа риска или девиантное поведение", NameFR: "Groupe à risque ou comportement déviant",
			NameFA: "در معرض خطر یا دارای رفتار پرخطر"},
		{Code: "veteran-family", NameEN: "Veteran's family", NameKK: "Ардагердің отбасы", NameRU: "Семья ветерана",
			NameFR: "Famille d’ancien combattant", NameFA: "خانواده ایثارگر"},
		{Code: "pensioner-family", NameEN: "Needy pensioner's family", NameKK: "Мұқтаж зейнеткердің отбасы",
			NameRU: "Семья нуждающегося пенсионера", NameFR: "Famille de retraité dans le besoin", NameFA: "خانواده بازنشسته نیازمند"},
		{Code: "neet", NameEN: "Not in education, employment or training (NEET)",
			NameKK: "Оқымайтын, жұмыс істемейтін және кәсіби дайындықтан өтпейтін жастар (NEET)",
			NameRU: "Не учится, не работает и не проходит профподготовку (NEET)",
			NameFR: "Ni en emploi, ni en études, ni en formation (NEET)", NameFA: "نه در تحصیل، نه در اشتغال، نه در آموزش (NEET)"},
		{Code: "out-of-school", NameEN: "Out of school", NameKK: "Оқуға тартылмаған бала", NameRU: "Ребёнок, не охваченный обучением",
			NameFR: "Enfant non scolarisé", NameFA: "کودک بازمانده از تحصیل"},
	}
}

// Seed adds the builtin categories, or refreshes their names and order;
// whether each is active stays the administrators' choice. Run it at
// start-up, like geo.Seed.
func (s *Service) Seed(ctx context.Context) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		for i, c := range Builtin() {
			if _, err := tx.ExecContext(ctx, s.q.SeedCategory, c.Code, c.NameEN, c.NameKK, c.NameRU,
				c.NameFR, c.NameFA, (i+1)*10); err != nil {
				return err
			}
		}
		return nil
	})
}

// Categories returns every category, active or not, in their order.
func (s *Service) Categories(ctx context.Context, p access.Principal) ([]Category, error) {
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanCategory, s.q.Categories)
}

func scanCategory(sc store.Scanner) (Category, error) {
	var c Category
	err := sc.Scan(&c.ID, &c.Code, &c.NameEN, &c.NameKK, &c.NameRU, &c.NameFR, &c.NameFA, &c.Active, &c.Builtin, &c.Sort)
	return c, err
}
