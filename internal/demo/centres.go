package demo

import "github.com/jolproject/jol/internal/orgs"

// deliveryOrganisations are the children-support and minors' adaptation
// centres of Karaganda region that the sample deliveries go to: with the
// Shapağat centre of the campaigns, the region's 18 support centres and
// 10 adaptation centres, in its towns and districts (Ulytau region's
// towns, part of Karaganda region until 2022, are not among them).
var deliveryOrganisations = []org{
	{key: "sc-balapan", name: "«Балапан» балаларды қолдау орталығы, Қарағанды", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "sc-nadezhda", name: "Центр поддержки детей «Надежда», Караганда", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "sc-rostok", name: "Центр поддержки детей «Росток», Караганда, Майкудук", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "sc-meyirim", name: "«Мейірім» балаларды қолдау орталығы, Теміртау", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "sc-raduga", name: "Центр поддержки детей «Радуга», Темиртау", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "sc-shugyla", name: "«Шұғыла» балаларды қолдау орталығы, Балқаш", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "sc-parus", name: "Центр поддержки детей «Парус», Балхаш", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "sc-daryn", name: "Центр поддержки детей «Дарын», Сарань", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "sc-zhuldyz", name: "«Жұлдыз» балаларды қолдау орталығы, Шахтинск", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "sc-ulybka", name: "Центр поддержки детей «Улыбка», Абай", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "sc-akzhelken", name: "«Ақ желкен» балаларды қолдау орталығы, Приозёрск", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "sc-ayaly", name: "«Аялы алақан» балаларды қолдау орталығы, Қарқаралы", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "sc-solnyshko", name: "Центр поддержки детей «Солнышко», Осакаровка", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "sc-bobek", name: "«Бөбек» балаларды қолдау орталығы, Ботақара", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "sc-arman", name: "«Арман» балаларды қолдау орталығы, Ақтоғай", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "sc-zhanuya", name: "«Жанұя» балаларды қолдау орталығы, Шет ауданы", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "sc-dobroe", name: "Центр поддержки детей «Доброе сердце», Нура", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "ru"},

	{key: "ac-karaganda", name: "Центр адаптации несовершеннолетних г. Караганды", typ: orgs.AdaptationCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "ac-temirtau", name: "Центр адаптации несовершеннолетних г. Темиртау", typ: orgs.AdaptationCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "ac-balkhash", name: "Балқаш қаласының кәмелетке толмағандарды бейімдеу орталығы", typ: orgs.AdaptationCentre, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "ac-saran", name: "Центр адаптации несовершеннолетних г. Сарани", typ: orgs.AdaptationCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "ac-shakhtinsk", name: "Центр адаптации несовершеннолетних г. Шахтинска", typ: orgs.AdaptationCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "ac-abay", name: "Абай ауданының кәмелетке толмағандарды бейімдеу орталығы", typ: orgs.AdaptationCentre, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "ac-karkaraly", name: "Қарқаралы ауданының кәмелетке толмағандарды бейімдеу орталығы", typ: orgs.AdaptationCentre, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "ac-osakarovka", name: "Центр адаптации несовершеннолетних Осакаровского района", typ: orgs.AdaptationCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "ac-bukhar", name: "Бұқар жырау ауданының кәмелетке толмағандарды бейімдеу орталығы", typ: orgs.AdaptationCentre, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "ac-priozersk", name: "Центр адаптации несовершеннолетних г. Приозёрска", typ: orgs.AdaptationCentre, region: "KZ-35", parent: "fund", locale: "ru"},
}
