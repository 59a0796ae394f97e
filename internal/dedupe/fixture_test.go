package dedupe_test

import (
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// registry is a world's registry filled with distinct children and a
// few known pairs of records of one child, by name.
type registry struct {
	w     *testworld.World
	named map[string]people.Person
}

var (
	maleLast = []string{"Ахметов", "Сейткали", "Жумабаев", "Нуртазин", "Касымов", "Бекмуратов", "Оспанов",
		"Тулегенов", "Искаков", "Сарсенбаев", "Абдрахманов", "Есенов", "Мухамедов", "Кенжебаев", "Байжанов",
		"Смагулов", "Рахимов", "Жаксылыков", "Орынбаев", "Токтаров"}
	boys  = []string{"Нурлан", "Ержан", "Арман", "Данияр", "Алихан", "Темирлан", "Асхат", "Бауыржан", "Руслан", "Мирас"}
	girls = []string{"Айгерим", "Мадина", "Дана", "Асель", "Жанна", "Камила", "Алия", "Сабина", "Диляра", "Томирис"}
)

// newRegistry registers 160 distinct children of School №1 and, beside
// them, the pairs the tests look for:
//   - "latin": Ахметова Мадина and Akhmetova Madina, born the same day;
//   - "typo": Сейткали Нурлан and Сейткаил Нурлан;
//   - "swap": Иванова Анна born 7 April and on 4 July 2016;
//   - "omarov": Омаров Ерлан and Omarov Yerlan, the one reviewers will
//     call different people.
//
// Each pair's first record is named by its key, the second by key+"2".
func newRegistry(t *testing.T, w *testworld.World) *registry {
	r := &registry{w: w, named: map[string]people.Person{}}
	rng := rand.New(rand.NewPCG(7, 12))
	seen := map[string]bool{}
	for len(seen) < 160 {
		last, sex := maleLast[rng.IntN(len(maleLast))], people.Male
		first := boys[rng.IntN(len(boys))]
		if rng.IntN(2) == 0 {
			last, first, sex = last+"а", girls[rng.IntN(len(girls))], people.Female
		}
		if seen[last+first] {
			continue
		}
		seen[last+first] = true
		in := w.Child(last, first, testworld.Day(2010+rng.IntN(8), time.Month(1+rng.IntN(12)), 1+rng.IntN(28)))
		in.Sex = sex
		w.Person(t, in)
	}
	add := func(key, last, first string, birth time.Time, sex people.Sex) {
		in := w.Child(last, first, birth)
		in.Sex = sex
		r.named[key] = w.Person(t, in)
	}
	add("latin", "Ахметова", "Мадина", testworld.Day(2015, 3, 1), people.Female)
	add("latin2", "Akhmetova", "Madina", testworld.Day(2015, 3, 1), people.Female)
	add("typo", "Сейткали", "Нурлан", testworld.Day(2014, 6, 12), people.Male)
	add("typo2", "Сейткаил", "Нурлан", testworld.Day(2014, 6, 12), people.Male)
	add("swap", "Иванова", "Анна", testworld.Day(2016, 4, 7), people.Female)
	add("swap2", "Иванова", "Анна", testworld.Day(2016, 7, 4), people.Female)
	add("omarov", "Омаров", "Ерлан", testworld.Day(2013, 1, 15), people.Male)
	add("omarov2", "Omarov", "Yerlan", testworld.Day(2013, 1, 15), people.Male)
	return r
}

// id returns the id of the named record.
func (r *registry) id(name string) int64 { return r.named[name].ID }
