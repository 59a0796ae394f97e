package mentoring

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/imports"
)

// The columns of a list of mentors.
const (
	ColName       imports.Column = "name"
	ColPhone      imports.Column = "phone"
	ColEmail      imports.Column = "email"
	ColFields     imports.Column = "fields"
	ColBackground imports.Column = "background"
	ColLanguages  imports.Column = "languages"
	ColRegion     imports.Column = "region"
	ColFormats    imports.Column = "formats"
	ColCapacity   imports.Column = "capacity"
	ColMinors     imports.Column = "minors"
	ColVetting    imports.Column = "vetting_document"
	ColVettedOn   imports.Column = "vetted_on"
	ColExpires    imports.Column = "vetting_expires"
	ColVettedBy   imports.Column = "vetted_by"
)

// Target is the import target "mentors": a branch's list of mentors,
// written approved under the importing coordinator (the list is the
// organisation's own), matched by contact so a list imported again
// updates its mentors instead of adding them twice.
func Target(s *Service) *imports.Target { return imports.Define[row](mentorList{s}) }

type mentorList struct{ s *Service }

func (mentorList) Name() string  { return "mentors" }
func (mentorList) Label() string { return "imports.target_mentors" }

// Columns are the list's columns, with the headers people write for them
// in the five languages.
func (mentorList) Columns() []imports.ColumnSpec {
	col := func(k imports.Column, req bool, label string, aliases ...string) imports.ColumnSpec {
		return imports.ColumnSpec{Key: k, Required: req, Label: label, Aliases: aliases}
	}
	return []imports.ColumnSpec{
		col(ColName, true, "field.name", "name", "full name", "аты-жөні", "аты жөні", "толық аты", "фио", "ф.и.о.",
			"имя", "nom", "nom complet", "نام", "نام و نام خانوادگی"),
		col(ColPhone, false, "field.phone", "phone", "telephone", "mobile", "телефон", "тел", "ұялы телефон",
			"мобильный", "téléphone", "portable", "تلفن", "شماره تلفن", "موبایل"),
		col(ColEmail, false, "field.email", "email", "e-mail", "электрондық пошта", "эл пошта", "электронная почта",
			"почта", "courriel", "adresse e-mail", "ایمیل", "پست الکترونیک"),
		col(ColFields, true, "field.mentor_fields", "fields", "field", "expertise", "fields of expertise", "сала",
			"салалар", "сфера", "сферы", "направление", "направления", "domaine", "domaines", "expertise", "حوزه",
			"حوزه\u200cها", "زمینه تخصص"),
		col(ColBackground, true, "field.mentor_background", "background", "profile", "тәжірибе", "кім", "бэкграунд",
			"профиль", "опыт", "parcours", "profil", "سابقه", "پیشینه"),
		col(ColLanguages, true, "field.languages", "languages", "language", "тілдер", "тіл", "языки", "язык",
			"langues", "langue", "زبان\u200cها", "زبان"),
		col(ColRegion, true, "field.region", "region", "region code", "өңір", "облыс", "регион", "область",
			"région", "منطقه", "استان"),
		col(ColFormats, true, "field.mentor_formats", "formats", "format", "формат", "форматтар", "форматы",
			"formats", "قالب", "شیوه"),
		col(ColCapacity, true, "field.capacity", "capacity", "mentees", "сыйымдылық", "жастар саны",
			"вместимость", "количество подопечных", "capacité", "ظرفیت"),
		col(ColMinors, false, "field.mentor_minors", "minors", "takes minors", "кәмелетке толмағандар",
			"несовершеннолетние", "mineurs", "افراد زیر ۱۸ سال", "نوجوانان"),
		col(ColVetting, false, "field.vetting_document", "vetting document", "vetting", "анықтама", "справка",
			"справка о несудимости", "document de vérification", "casier judiciaire", "گواهی عدم سوء پیشینه"),
		col(ColVettedOn, false, "field.vetted_on", "vetted on", "vetting date", "анықтама күні", "дата справки",
			"date de vérification", "تاریخ گواهی"),
		col(ColExpires, false, "field.vetting_expires", "vetting expires", "valid until", "жарамды мерзімі",
			"действительна до", "valable jusqu'au", "اعتبار تا"),
		col(ColVettedBy, false, "field.vetted_by", "vetted by", "checked by", "тексерген", "кто проверил",
			"проверил", "vérifié par", "بررسی\u200cکننده"),
	}
}

// Parser reads the fields of expertise, the regions and the branch once;
// the rows are then read without the database.
func (l mentorList) Parser(ctx context.Context, p access.Principal, o imports.Options) (func(imports.Fields) (row, []imports.RowError), error) {
	return l.s.listParser(ctx, p, o)
}

// Open begins writing rows for branch o.OrgID.
func (l mentorList) Open(ctx context.Context, p access.Principal, o imports.Options) (imports.Session[row], error) {
	return l.s.openList(ctx, p, o)
}
