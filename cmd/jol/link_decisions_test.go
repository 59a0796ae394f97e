package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// decisionLists are a population and a school list in which every
// school record has its evident partner and p4 has none.
const (
	decisionLeft = "id,last_name,first_name,patronymic,birth_date,sex,national_id,region\n" +
		"p1,Ахметова,Айгерим,Ерлановна,2015-03-07,ж,150307600424,Караганда\n" +
		"p2,Ким,Тимур,Олегович,2014-11-02,м,,Караганда\n" +
		"p3,حسینی,محمد,,2013-05-20,м,0012345679,قزوین\n" +
		"p4,Садыков,Данияр,Маратович,2012-01-15,м,120115500117,Караганда\n" +
		"p5,Оспанова,Мадина,,2016-08-30,ж,,Караганда\n"
	decisionRight = "id,last_name,first_name,birth_date,sex,national_id,region\n" +
		"s1,Akhmetova,Aigerim,2015-03-07,F,150307600424,Karaganda\n" +
		"s2,Kim,Timur,2014-11-02,M,,Karaganda\n" +
		"s3,Hosseini,Mohammad,2013-05-20,M,0012345679,Qazvin\n" +
		"s5,Ospanova,Madina,2016-08-30,F,,Karaganda\n"
)

// linkWithDecisions runs jol link on the decision lists with the given
// decisions file and returns the output directory, exit code, stdout
// and stderr.
func linkWithDecisions(t *testing.T, decisions, lang string) (string, int, string, string) {
	t.Helper()
	dir, args := linkFiles(t, decisionLeft, decisionRight)
	name := filepath.Join(dir, "decisions.csv")
	if err := os.WriteFile(name, []byte(decisions), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", map[string]string{"LANG": lang}, append(args, "--decisions", name)...)
	return dir, code, out, errOut
}

func TestLinkDecisions(t *testing.T) {
	// s2–p2 is the same child by every field but a reviewer said no;
	// s5–p4 share only the region but a reviewer said yes, which takes
	// s5 from p5. The note column is ignored; s9–p9 is from other lists.
	dir, code, out, errOut := linkWithDecisions(t, "right_id,left_id,decision,note\n"+
		"s2,p2,nonmatch,brothers\n"+
		"s5,p4,Match,\n"+
		"s9,p9,match,an earlier list\n", "")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	pairs := readOut(t, dir, "pairs.csv")
	for _, want := range []string{"\ns1,p1,", "\ns3,p3,", "\ns5,p4,"} {
		if !strings.Contains(pairs, want) {
			t.Errorf("pairs.csv lacks %s…:\n%s", want[1:], pairs)
		}
	}
	if strings.Contains(pairs, "p2") || strings.Contains(pairs, "p5") || strings.Count(pairs, "\n") != 4 {
		t.Errorf("pairs.csv links p2 or p5, or has other pairs:\n%s", pairs)
	}
	if review := readOut(t, dir, "review.csv"); review != "right_id,left_id,weight\n" {
		t.Errorf("review.csv puts decided pairs up again:\n%s", review)
	}
	if got := readOut(t, dir, "left.csv"); got != "left_id\np2\np5\n" {
		t.Errorf("left.csv = %q, want p2 and p5", got)
	}
	if !strings.Contains(out, "1 decisions name records in neither list") {
		t.Errorf("summary does not count the unused decision: %q", out)
	}
}

func TestLinkDecisionsRefused(t *testing.T) {
	for _, c := range []struct {
		name, decisions, lang, want string
	}{
		{"bad value", "right_id,left_id,decision\ns1,p1,match\ns2,p2,maybe\n", "",
			`Line 3: the decision "maybe" is neither match nor nonmatch`},
		{"bad value in Russian", "right_id,left_id,decision\ns2,p2,yes\n", "ru_RU.UTF-8",
			"Строка 2: решение «yes» не является ни match, ни nonmatch"},
		{"no id, in Persian", "right_id,left_id,decision\n,p2,match\n", "fa", "سطر ۲: هر دو ستون right_id و left_id لازم است"},
		{"conflict, in French", "right_id,left_id,decision\ns2,p2,match\ns1,p1,match\ns2,p2,nonmatch\n", "fr_FR.UTF-8",
			"Ligne 4 : cette paire a déjà reçu la décision contraire à la ligne 2"},
		{"two partners, in Kazakh", "right_id,left_id,decision\ns2,p2,match\ns2,p4,match\n", "kk",
			"3-жол: s2 2-жолда басқа жазбамен бір адам деп белгіленген"},
		{"columns", "right,left,decision\ns2,p2,match\n", "", "needs the columns right_id,left_id,decision"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, code, _, errOut := linkWithDecisions(t, c.decisions, c.lang)
			if code != exitError || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "decisions.csv") {
				t.Errorf("exit %d, stderr %q; want exit %d naming decisions.csv and saying %q", code, errOut, exitError, c.want)
			}
		})
	}
}
