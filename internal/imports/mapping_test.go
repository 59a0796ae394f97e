package imports

import "testing"

func TestMapHeaderInFourLanguages(t *testing.T) {
	for _, header := range [][]string{
		{"last_name", "first_name", "birth_date", "national_id", "categories"},
		{"Фамилия", "Имя", "Дата рождения", "ИИН", "Категория"},
		{"Тегі", "Аты", "Туған күні", "ЖСН", "Санаты"},
		{"نام خانوادگی", "نام", "تاریخ تولد", "کد ملی", "دسته"},
		{" Last Name ", "First-Name", "Date of birth:", "IIN", "Categories"},
	} {
		m, probs := PeopleTarget(nil, nil, nil).MapHeader(header, nil)
		if len(probs) != 0 {
			t.Errorf("%q: problems %+v", header, probs)
			continue
		}
		row := []string{"a", "b", "c", "d", "e"}
		if m.Value(row, LastName) != "a" || m.Value(row, BirthDate) != "c" || m.Value(row, Categories) != "e" {
			t.Errorf("%q mapped wrongly: %v", header, m)
		}
	}
}

func TestMapHeaderProblems(t *testing.T) {
	_, probs := PeopleTarget(nil, nil, nil).MapHeader([]string{"Фамилия", "Любимый цвет", "фамилия"}, nil)
	keys := map[string]int{}
	for _, p := range probs {
		keys[p.Key] = p.Column
	}
	if keys["import.header_unknown"] != 2 || keys["import.header_duplicate"] != 3 {
		t.Fatalf("problems = %+v", probs)
	}
	if _, ok := keys["import.header_missing"]; !ok || !Fatal(probs) {
		t.Fatalf("missing first_name not reported as fatal: %+v", probs)
	}
	m, probs := PeopleTarget(nil, nil, nil).MapHeader([]string{"Фамилия", "Имя", "Любимый цвет"}, Template{"любимый цвет": Grade})
	if len(probs) != 0 || m.Value([]string{"x", "y", "7"}, Grade) != "7" {
		t.Fatalf("template mapping: %+v %v", probs, m)
	}
}
