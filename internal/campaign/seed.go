package campaign

import (
	"context"
	"database/sql"
	"errors"
)

// builtin is a catalogue entry Jol ships with.
type builtin struct {
	code       string
	sizing     Sizing
	serial     bool
	gmin, gmax int
	unit       string
	names      Names
	kit        []Component // by code
}

// builtins are the entries every installation starts with, in the order
// forms list them; an administrator may rename, deactivate or add to them.
var builtins = []builtin{
	{code: "primary_kit", gmin: 1, gmax: 4, unit: "set", names: Names{"Primary school kit, grades 1–4", "Бастауыш сынып жинағы, 1–4 сыныптар", "Школьный набор, 1–4 классы", "Kit scolaire, classes 1 à 4", "بستهٔ مدرسه، پایه\u200cهای ۱ تا ۴"},
		kit: []Component{{Code: "backpack", Quantity: 1}, {Code: "stationery_set", Quantity: 1}, {Code: "diary", Quantity: 1}, {Code: "notebook", Quantity: 10}}},
	{code: "secondary_kit", gmin: 5, gmax: 11, unit: "set", names: Names{"School kit, grades 5–11", "Мектеп жинағы, 5–11 сыныптар", "Школьный набор, 5–11 классы", "Kit scolaire, classes 5 à 11", "بستهٔ مدرسه، پایه\u200cهای ۵ تا ۱۱"},
		kit: []Component{{Code: "backpack", Quantity: 1}, {Code: "stationery_set", Quantity: 1}, {Code: "diary", Quantity: 1}, {Code: "notebook", Quantity: 12}}},
	{code: "backpack", names: Names{"Backpack", "Мектеп сөмкесі", "Рюкзак", "Sac à dos", "کوله\u200cپشتی"}},
	{code: "stationery_set", unit: "set", names: Names{"Stationery set", "Кеңсе тауарлары жинағы", "Набор канцелярских принадлежностей", "Trousse de fournitures scolaires", "بستهٔ لوازم\u200cالتحریر"}},
	{code: "textbooks_1_4", gmin: 1, gmax: 4, unit: "set", names: Names{"Textbook set, grades 1–4", "Оқулықтар жинағы, 1–4 сыныптар", "Комплект учебников, 1–4 классы", "Manuels scolaires, classes 1 à 4", "مجموعهٔ کتاب درسی، پایه\u200cهای ۱ تا ۴"}},
	{code: "textbooks_5_9", gmin: 5, gmax: 9, unit: "set", names: Names{"Textbook set, grades 5–9", "Оқулықтар жинағы, 5–9 сыныптар", "Комплект учебников, 5–9 классы", "Manuels scolaires, classes 5 à 9", "مجموعهٔ کتاب درسی، پایه\u200cهای ۵ تا ۹"}},
	{code: "textbooks_10_11", gmin: 10, gmax: 11, unit: "set", names: Names{"Textbook set, grades 10–11", "Оқулықтар жинағы, 10–11 сыныптар", "Комплект учебников, 10–11 классы", "Manuels scolaires, classes 10 et 11", "مجموعهٔ کتاب درسی، پایه\u200cهای ۱۰ و ۱۱"}},
	{code: "diary", names: Names{"School diary", "Күнделік", "Дневник", "Carnet de correspondance", "دفتر برنامهٔ روزانه"}},
	{code: "notebook", names: Names{"Notebook", "Дәптер", "Тетрадь", "Cahier", "دفتر"}},
	{code: "school_uniform", sizing: Clothes, names: Names{"School uniform", "Мектеп формасы", "Школьная форма", "Uniforme scolaire", "لباس فرم مدرسه"}},
	{code: "sports_uniform", sizing: Clothes, names: Names{"Sports uniform", "Спорт киімі", "Спортивная форма", "Tenue de sport", "لباس ورزشی"}},
	{code: "shoes", sizing: Shoes, names: Names{"Shoes", "Аяқ киім", "Обувь", "Chaussures", "کفش"}},
	{code: "computer", serial: true, names: Names{"Desktop computer", "Үстел компьютері", "Настольный компьютер", "Ordinateur de bureau", "رایانهٔ رومیزی"}},
	{code: "laptop", serial: true, names: Names{"Laptop", "Ноутбук", "Ноутбук", "Ordinateur portable", "لپ\u200cتاپ"}},
	{code: "tablet", serial: true, names: Names{"Tablet", "Планшет", "Планшет", "Tablette", "تبلت"}},
	{code: "smartphone", serial: true, names: Names{"Smartphone", "Смартфон", "Смартфон", "Smartphone", "تلفن هوشمند"}},
	{code: "course_place", unit: "place", names: Names{"Free place on a course", "Курстағы тегін орын", "Бесплатное место на курсах", "Place gratuite en formation", "جای رایگان در دورهٔ آموزشی"}},
	{code: "health_check", unit: "service", names: Names{"Health check", "Медициналық тексеру", "Медицинский осмотр", "Bilan de santé", "معاینهٔ پزشکی"}},
	{code: "insurance", unit: "service", names: Names{"Health insurance", "Медициналық сақтандыру", "Медицинская страховка", "Assurance maladie", "بیمهٔ درمانی"}},
}

// Seed writes the built-in catalogue entries an installation lacks, kits
// with their components; entries there already are left as they are.
func (s *Service) Seed(ctx context.Context) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		ids := map[string]int64{}
		// Components first, so a new kit finds them.
		for pass := 0; pass < 2; pass++ {
			for i, b := range builtins {
				if (pass == 0) != (b.kit == nil) {
					continue
				}
				id, err := s.seedOne(ctx, tx, b, i)
				if err != nil {
					return err
				}
				for _, c := range b.kit {
					if id == 0 {
						break
					}
					if _, err := tx.ExecContext(ctx, s.q.InsertComponent, id, ids[c.Code], c.Quantity); err != nil {
						return err
					}
				}
				if err := tx.QueryRowContext(ctx, s.q.ItemIDByCode, b.code).Scan(&id); err != nil {
					return err
				}
				ids[b.code] = id
			}
		}
		return nil
	})
}

// seedOne inserts b unless its code is taken, and returns its new id (0
// when it was there).
func (s *Service) seedOne(ctx context.Context, tx *sql.Tx, b builtin, sort int) (int64, error) {
	sizing, unit := b.sizing, b.unit
	if sizing == "" {
		sizing = NoSizes
	}
	if unit == "" {
		unit = "piece"
	}
	var id int64
	err := tx.QueryRowContext(ctx, s.q.SeedAid, b.code, b.kit != nil, string(sizing), b.serial, b.gmin, b.gmax, unit,
		b.names.EN, b.names.KK, b.names.RU, b.names.FR, b.names.FA, true, true, (sort+1)*10).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}
