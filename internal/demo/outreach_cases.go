package demo

import (
	o "github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/people"
)

// qazvinChild is a school-age child of Qazvin province out of school,
// as the civil register knows them; the age is in whole years on the
// demo's day.
type qazvinChild struct {
	last, first    string
	sex            people.Sex
	age            int
	address, phone string
	lang           string
}

// qazvinCaseChildren are the children the sample cases follow, one each, in
// the order of qazvinCases.
var qazvinCaseChildren = []qazvinChild{
	{"احمدی", "محمدرضا", people.Male, 9, "قزوین، خیابان نادری، کوچهٔ ۸، پلاک ۱۴", "+98 912 281 4410", "fa"},
	{"کاظمی", "فاطمه", people.Female, 8, "قزوین، محلهٔ پنبه\u200cریسه، کوچهٔ لاله، پلاک ۳", "+98 912 281 4411", "fa"},
	{"رستمی", "امیرحسین", people.Male, 12, "تاکستان، خیابان امام، کوچهٔ ۱۲", "+98 912 281 4412", "az"},
	{"قاسمی", "زینب", people.Female, 10, "آبیک، شهرک ولیعصر، بلوک ۴", "+98 912 281 4413", "fa"},
	{"موسوی", "علی", people.Male, 11, "قزوین، خیابان خیام جنوبی، کوچهٔ شهید صالحی", "+98 912 281 4414", "fa"},
	{"یوسفی", "مریم", people.Female, 7, "الوند، خیابان ۲۲ بهمن، پلاک ۴۵", "+98 912 281 4415", "fa"},
	{"جعفری", "حسین", people.Male, 14, "قزوین، محلهٔ راه\u200cری، کوچهٔ بهار", "+98 912 281 4416", "fa"},
	{"نوری", "کوثر", people.Female, 9, "قزوین، خیابان فلسطین غربی، پلاک ۷۷", "+98 912 281 4417", "fa"},
	{"صادقی", "ابوالفضل", people.Male, 13, "بوئین\u200cزهرا، خیابان شهدا", "+98 912 281 4418", "fa"},
	{"بابایی", "امیرعلی", people.Male, 15, "قزوین، شهرک مینودر، فاز ۲", "+98 912 281 4419", "fa"},
	{"عباسی", "آیدا", people.Female, 11, "تاکستان، محلهٔ اسفرورین", "+98 912 281 4420", "az"},
	{"حیدری", "سجاد", people.Male, 8, "محمدیه، خیابان معلم، کوچهٔ ۳", "+98 912 281 4421", "fa"},
	{"کریمی", "نازنین", people.Female, 12, "قزوین، خیابان طالقانی، کوچهٔ سرو", "+98 912 281 4422", "fa"},
	{"رحمانی", "یاسین", people.Male, 10, "روستای شریف\u200cآباد، بخش مرکزی قزوین", "+98 912 281 4423", "fa"},
	{"مرادی", "هستی", people.Female, 9, "آبیک، خیابان بسیج", "+98 912 281 4424", "fa"},
	{"شریفی", "مهدی", people.Male, 13, "الوند، شهرک صنعتی، کوی کارگران", "+98 912 281 4425", "fa"},
	{"اکبری", "رضا", people.Male, 16, "قزوین، محلهٔ مغول\u200cها، کوچهٔ ۵", "+98 912 281 4426", "fa"},
	{"نجفی", "سارا", people.Female, 10, "تاکستان، خیابان ولیعصر", "+98 912 281 4427", "az"},
	{"طاهری", "محمد", people.Male, 7, "قزوین، خیابان پادگان، کوچهٔ ۹", "+98 912 281 4428", "fa"},
	{"سلیمانی", "زهرا", people.Female, 11, "بوئین\u200cزهرا، روستای دانسفهان", "+98 912 281 4429", "fa"},
}

// oosCase is the sample work on one child's case, each step the given
// number of days before the demo's day: flagged by the run, taken by a
// worker (a login's local part; "" while no one has), contacted, the
// needs recorded, the family's consent, referrals and their answers,
// enrolment, attendance checks and, for a case that ended otherwise than
// retained, its closure.
type oosCase struct {
	flagged  int
	category o.Category
	vis      o.Visibility
	conf     float64
	why      string
	worker   string
	school   string // the catchment school's key
	contact  *oosContact
	needsAgo int
	needs    []o.NeedNote
	shared   []o.SharedField
	refs     []oosReferral
	enrolAgo int    // 0: not enrolled
	enrolAt  string // the school's key
	checks   []oosCheck
	closed   o.Outcome // moved away or not found
	closeAgo int
}

type oosContact struct {
	ago    int
	mode   o.Mode
	reason o.Reason
	note   string
}

// oosReferral is a need sent to a charity (its organisation's key) and
// its answer: answered days ago (-1: still waiting), declined with a
// reason or accepted ("").
type oosReferral struct {
	need     o.Need
	charity  string
	ago      int
	answered int
	decline  o.DeclineReason
	note     string
}

type oosCheck struct {
	ago       int
	attending bool
	note      string
}

// The run's lines: why it flagged a child.
const (
	whyRegister = "در فهرست ثبت احوال هست، در فهرست ثبت\u200cنام هیچ مدرسه\u200cای نیست"
	whyDropped  = "پارسال در فهرست مدرسه بود، امسال ثبت\u200cنام نکرده است"
	whyHealth   = "فقط در فهرست مراکز بهداشت دیده شد"
	whyAbsent   = "در فهرست مدرسه هست ولی از مهر به کلاس نیامده"
)
