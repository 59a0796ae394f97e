package demo

import "github.com/jolproject/jol/internal/guidance"

// The texts of the demo's ability diagnostics, in Kazakh, Russian and
// Persian (the order of script), written in the language of the pupil's
// family.
var (
	instruments = [3]string{"Бастауыш сынып оқушыларының қабілеттерін анықтау диагностикасы",
		"Диагностика способностей младших школьников", "آزمون استعدادیابی دانش\u200cآموزان دبستان"}
	abilities = [3][]string{
		{"Логикалық ойлау", "Тілдік қабілет", "Кеңістіктік ойлау", "Зейін мен есте сақтау", "Шығармашылық"},
		{"Логическое мышление", "Речевые способности", "Пространственное мышление", "Внимание и память", "Творческие способности"},
		{"تفکر منطقی", "توانایی کلامی", "تفکر فضایی", "دقت و حافظه", "خلاقیت"},
	}
	// recommendations follow the ability the pupil scored best in.
	recommendations = [3][]string{
		{"Математика үйірмесі мен олимпиадаға дайындық ұсынылады.",
			"Шет тілін тереңдетіп оқу және мәнерлеп оқу үйірмесі ұсынылады.",
			"Робототехника және құрастыру үйірмесі ұсынылады.",
			"Шахмат үйірмесі ұсынылады; тапсырмаларды кезең-кезеңімен берген жөн.",
			"Бейнелеу өнері немесе музыка мектебі ұсынылады."},
		{"Рекомендованы математический кружок и подготовка к олимпиадам.",
			"Рекомендованы углублённое изучение языков и кружок выразительного чтения.",
			"Рекомендован кружок робототехники и конструирования.",
			"Рекомендован шахматный кружок; задания лучше давать по шагам.",
			"Рекомендована художественная или музыкальная школа."},
		{"شرکت در کلاس ریاضی تکمیلی و آمادگی برای المپیاد توصیه می\u200cشود.",
			"یادگیری زبان خارجی و شرکت در کلاس قصه\u200cگویی توصیه می\u200cشود.",
			"شرکت در کلاس رباتیک و کاردستی توصیه می\u200cشود.",
			"کلاس شطرنج توصیه می\u200cشود؛ بهتر است تکالیف مرحله به مرحله داده شود.",
			"ثبت\u200cنام در هنرستان نقاشی یا موسیقی توصیه می\u200cشود."},
	}
)

// assessed are the schools whose younger pupils (6 to 11) took the
// diagnostic: how many of them, and who made it.
var assessed = []struct {
	school, by string
	pupils     int
}{
	{"school12", "Динара Сәрсенова, педагог-психолог", 14},
	{"ast60", "Ирина Ли, педагог-психолог", 10},
	{"teh-g1", "زهره کریمی، مشاور مدرسه", 12},
}

// offer is a demo offer of free places: the organisation and programme
// that name it, the year (this one or the last), the quota, and the
// children placed on it, drawn from the pupils of schools aged minAge to
// maxAge, with the outcome of each in turn. Fewer places are taken than
// the quota, so each placement finds a free one.
type offer struct {
	org, programme, notes string
	lastYear              bool
	quota                 int
	schools               []string
	minAge, maxAge        int
	outcomes              []guidance.PlacementOutcome
}

const (
	proposed = guidance.Proposed
	admitted = guidance.Admitted
	declined = guidance.Declined
	finished = guidance.Finished
)

var offers = []offer{
	{org: "ast45", programme: "Физика-математика бағытындағы тегін орындар",
		notes: "Қабылдау әңгімелесу арқылы; оқу тегін, жатақхана берілмейді.", quota: 6,
		schools: []string{"ast60", "ast81"}, minAge: 11, maxAge: 13,
		outcomes: []guidance.PlacementOutcome{admitted, admitted, proposed, declined, admitted}},
	{org: "shy103", programme: "Бесплатное обучение в IT-классе",
		notes: "Набор в 7 класс; форма и учебники за счёт школы.", quota: 5,
		schools: []string{"shy9", "shy34"}, minAge: 12, maxAge: 13,
		outcomes: []guidance.PlacementOutcome{admitted, proposed, declined, proposed}},
	{org: "centre3", programme: "Летняя школа робототехники", lastYear: true,
		notes: "Три недели в июле, с обедом и проездом.", quota: 8,
		schools: []string{"school12", "school159"}, minAge: 9, maxAge: 12,
		outcomes: []guidance.PlacementOutcome{finished, finished, declined, finished, finished, admitted}},
	{org: "centre3", programme: "Кружок робототехники и программирования",
		notes: "Два раза в неделю после уроков, весь учебный год.", quota: 8,
		schools: []string{"school12", "alm54"}, minAge: 8, maxAge: 11,
		outcomes: []guidance.PlacementOutcome{admitted, admitted, proposed, proposed}},
	{org: "centre-teh", programme: "کلاس\u200cهای رایگان تقویتی ریاضی و علوم",
		notes: "دو روز در هفته، بعد از ظهر؛ با سرویس رفت و آمد.", quota: 10,
		schools: []string{"teh-g1", "teh-b1"}, minAge: 8, maxAge: 11,
		outcomes: []guidance.PlacementOutcome{admitted, admitted, admitted, proposed, declined, admitted}},
}
