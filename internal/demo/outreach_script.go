package demo

import o "github.com/jolproject/jol/internal/outreach"

// The Qazvin education department's two outreach workers.
const (
	qzWorker  = "outreach.qazvin"
	qzWorker2 = "outreach2.qazvin"
)

// qazvinCases are the sample cases, one per child of qazvinCaseChildren:
// some at every step, some past their deadline. The days are counted
// back from the demo's day.
var qazvinCases = []oosCase{
	// Identified: two new, two overdue for their first contact, one not
	// yet given to a worker.
	{flagged: 2, category: o.NeverEnrolled, vis: o.SemiInvisible, conf: 0.94, why: whyRegister, worker: qzWorker, school: "qz-boys"},
	{flagged: 11, category: o.DroppedOut, vis: o.Visible, conf: 0.88, why: whyAbsent, worker: qzWorker, school: "qz-girls"},
	{flagged: 1, category: o.NeverEnrolled, vis: o.SemiInvisible, conf: 0.71, why: whyRegister, school: "qz-takestan"},
	{flagged: 9, category: o.NeverEnrolled, vis: o.Invisible, conf: 0.83, why: whyHealth, worker: qzWorker2, school: "qz-girls"},

	// Contacted: by a visit and by a call, one overdue for its support.
	{flagged: 20, category: o.DroppedOut, vis: o.SemiInvisible, conf: 0.9, why: whyDropped, worker: qzWorker, school: "qz-boys",
		contact: &oosContact{16, o.Visit, o.Poverty, "پدر از بهار بیکار است؛ پول لباس و لوازم\u200cالتحریر ندارند."}},
	{flagged: 8, category: o.NeverEnrolled, vis: o.Invisible, conf: 0.79, why: whyHealth, worker: qzWorker2, school: "qz-girls",
		contact: &oosContact{5, o.Call, o.Documents, "شناسنامه ندارد؛ مادر برای ثبت ولادت به ادارهٔ ثبت احوال راهنمایی شد."}},
	{flagged: 10, category: o.DroppedOut, vis: o.Visible, conf: 0.92, why: whyAbsent, worker: qzWorker, school: "qz-takestan",
		contact: &oosContact{6, o.Visit, o.Work, "صبح\u200cها در نانوایی محله کار می\u200cکند."}},

	// Support: needs referred, answers accepted, declined and awaited.
	{flagged: 35, category: o.DroppedOut, vis: o.SemiInvisible, conf: 0.96, why: whyDropped, worker: qzWorker, school: "qz-girls",
		contact:  &oosContact{30, o.Visit, o.Health, "تالاسمی دارد و هر ماه چند روز بستری است."},
		needsAgo: 25, needs: []o.NeedNote{{Need: o.NeedHealth, Note: "تالاسمی ماژور؛ تزریق خون ماهانه و داروی آهن\u200cزدا"},
			{Need: o.NeedInsurance, Note: "خانواده بیمهٔ تکمیلی ندارد"}},
		shared: []o.SharedField{o.ShareName, o.ShareBirthDate, o.ShareReason, o.ShareNeedNote},
		refs: []oosReferral{{o.NeedHealth, "qz-health", 25, 22, "", "نوبت درمانگاه تالاسمی بیمارستان قدس گرفته شد."},
			{o.NeedInsurance, "qz-insurance", 25, -1, "", ""}}},
	{flagged: 40, category: o.DroppedOut, vis: o.Visible, conf: 0.9, why: whyAbsent, worker: qzWorker, school: "qz-boys",
		contact:  &oosContact{34, o.Visit, o.Poverty, "سه فرزند مدرسه\u200cای و یک گوشی در خانه."},
		needsAgo: 33, needs: []o.NeedNote{{Need: o.NeedDevice, Note: "برای کلاس\u200cهای جبرانی تبلت لازم دارد"},
			{Need: o.NeedSummerCourse, Note: "ریاضی پایهٔ پنجم را جبران کند"}},
		shared: []o.SharedField{o.ShareName, o.ShareNeedNote},
		refs: []oosReferral{{o.NeedDevice, "qz-skills", 33, 30, o.NoCapacity, "تبلت\u200cهای این نوبت همه داده شده؛ نوبت بعد مهر ماه."},
			{o.NeedSummerCourse, "qz-skills", 33, -1, "", ""}}},
	{flagged: 28, category: o.DroppedOut, vis: o.SemiInvisible, conf: 0.87, why: whyDropped, worker: qzWorker2, school: "qz-takestan",
		contact:  &oosContact{24, o.Call, o.Work, "پانزده ساله است و در تعمیرگاه کار می\u200cکند."},
		needsAgo: 22, needs: []o.NeedNote{{Need: o.NeedSkills, Note: "به تعمیر تلفن همراه علاقه دارد"}},
		shared: []o.SharedField{o.ShareName, o.SharePhone, o.ShareNeedNote},
		refs:   []oosReferral{{o.NeedSkills, "qz-skills", 22, 18, "", "در دورهٔ تعمیر تلفن همراه ثبت\u200cنام شد؛ شنبه\u200cها و دوشنبه\u200cها."}}},
	{flagged: 26, category: o.DroppedOut, vis: o.Visible, conf: 0.85, why: whyAbsent, worker: qzWorker2, school: "qz-takestan",
		contact:  &oosContact{21, o.Visit, o.Language, "زبان خانه ترکی است و در کلاس عقب مانده."},
		needsAgo: 20, needs: []o.NeedNote{{Need: o.NeedTeacher, Note: "معلم داوطلب برای فارسی و ریاضی، دو بار در هفته"}},
		refs: []oosReferral{{o.NeedTeacher, "qz-skills", 20, -1, "", ""}}},
	{flagged: 30, category: o.NeverEnrolled, vis: o.SemiInvisible, conf: 0.91, why: whyRegister, worker: qzWorker, school: "qz-boys",
		contact:  &oosContact{27, o.Visit, o.Disability, "کم\u200cشنواست و سمعک ندارد."},
		needsAgo: 26, needs: []o.NeedNote{{Need: o.NeedHealth, Note: "سنجش شنوایی و سمعک"}, {Need: o.NeedInsurance, Note: "بیمهٔ سلامت هزینهٔ سمعک را می\u200cدهد"}},
		shared: []o.SharedField{o.ShareName, o.ShareBirthDate, o.ShareNeedNote},
		refs: []oosReferral{{o.NeedHealth, "qz-health", 26, 24, o.NotEligible, "سمعک را بیمه می\u200cدهد؛ اول بیمه، بعد ما هزینهٔ باقی را می\u200cدهیم."},
			{o.NeedInsurance, "qz-insurance", 23, -1, "", ""}}},

	// Enrolled: a first check to come, and one overdue.
	{flagged: 45, category: o.DroppedOut, vis: o.Visible, conf: 0.93, why: whyAbsent, worker: qzWorker, school: "qz-girls",
		contact:  &oosContact{40, o.Visit, o.Family, "از خواهر و برادر کوچک\u200cترش نگهداری می\u200cکرد؛ مادربزرگ حالا کمک می\u200cکند."},
		enrolAgo: 12, enrolAt: "qz-girls"},
	{flagged: 60, category: o.NeverEnrolled, vis: o.SemiInvisible, conf: 0.89, why: whyRegister, worker: qzWorker2, school: "qz-boys",
		contact:  &oosContact{55, o.Call, o.Distance, "روستا هشت کیلومتر تا مدرسه فاصله دارد و سرویس ندارد."},
		enrolAgo: 38, enrolAt: "qz-boys"},

	// Attending at one month and at three months.
	{flagged: 90, category: o.DroppedOut, vis: o.SemiInvisible, conf: 0.95, why: whyDropped, worker: qzWorker, school: "qz-girls",
		contact:  &oosContact{85, o.Visit, o.Poverty, "مادر سرپرست خانوار است."},
		needsAgo: 80, needs: []o.NeedNote{{Need: o.NeedDevice, Note: "تبلت برای درس\u200cهای عقب\u200cافتاده"}},
		shared:   []o.SharedField{o.ShareName},
		refs:     []oosReferral{{o.NeedDevice, "qz-skills", 80, 76, "", "تبلت تحویل شد."}},
		enrolAgo: 70, enrolAt: "qz-girls", checks: []oosCheck{{40, true, "هر روز در کلاس است."}}},
	{flagged: 140, category: o.DroppedOut, vis: o.Visible, conf: 0.97, why: whyAbsent, worker: qzWorker, school: "qz-boys",
		contact:  &oosContact{133, o.Visit, o.Health, "دیابت نوع یک؛ خانواده از بیماری در مدرسه می\u200cترسید."},
		needsAgo: 130, needs: []o.NeedNote{{Need: o.NeedHealth, Note: "انسولین و دستگاه قند خون"}},
		shared:   []o.SharedField{o.ShareName, o.ShareBirthDate, o.ShareNeedNote},
		refs:     []oosReferral{{o.NeedHealth, "qz-health", 130, 127, "", "انسولین ماهانه از داروخانهٔ بیمارستان بوعلی."}},
		enrolAgo: 110, enrolAt: "qz-boys", checks: []oosCheck{{80, true, ""}, {19, true, "معلم از پیشرفتش راضی است."}}},

	// Closed: retained after the six-month check, moved away, not found;
	// and one whose first check found her away, to be visited again.
	{flagged: 230, category: o.DroppedOut, vis: o.SemiInvisible, conf: 0.9, why: whyDropped, worker: qzWorker2, school: "qz-takestan",
		contact:  &oosContact{225, o.Visit, o.Work, "در مزرعهٔ پدر کار می\u200cکرد."},
		needsAgo: 222, needs: []o.NeedNote{{Need: o.NeedSkills, Note: "هنرستان کشاورزی"}},
		shared:   []o.SharedField{o.ShareName, o.ShareNeedNote},
		refs:     []oosReferral{{o.NeedSkills, "qz-skills", 222, 219, "", ""}},
		enrolAgo: 210, enrolAt: "qz-takestan",
		checks: []oosCheck{{180, true, ""}, {119, true, ""}, {28, true, "سال را با نمرهٔ خوب تمام کرد."}}},
	{flagged: 50, category: o.DroppedOut, vis: o.Visible, conf: 0.86, why: whyAbsent, worker: qzWorker, school: "qz-takestan",
		contact: &oosContact{44, o.Visit, o.Poverty, "خانواده در فکر رفتن به تهران است."}, closed: o.MovedAway, closeAgo: 39},
	{flagged: 40, category: o.NeverEnrolled, vis: o.Invisible, conf: 0.62, why: whyHealth, worker: qzWorker2, school: "qz-boys",
		closed: o.NotFound, closeAgo: 20},
	{flagged: 70, category: o.DroppedOut, vis: o.Visible, conf: 0.9, why: whyAbsent, worker: qzWorker2, school: "qz-girls",
		contact:  &oosContact{66, o.Call, o.Family, "پدر مخالف درس خواندن دختر بود؛ با گفت\u200cوگو راضی شد."},
		enrolAgo: 45, enrolAt: "qz-girls", checks: []oosCheck{{12, false, "از هفتهٔ دوم به مدرسه نیامده."}}},
}
