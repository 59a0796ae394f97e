package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// linkFiles writes the two lists into a fresh directory and returns the
// paths of both and of the outputs.
func linkFiles(t *testing.T, left, right string) (dir string, args []string) {
	t.Helper()
	dir = t.TempDir()
	for name, body := range map[string]string{"a.csv": left, "b.csv": right} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	p := func(n string) string { return filepath.Join(dir, n) }
	return dir, []string{"link", "--left", p("a.csv"), "--right", p("b.csv"),
		"--pairs", p("pairs.csv"), "--unmatched-left", p("left.csv"), "--review", p("review.csv")}
}

func readOut(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLinkCommand(t *testing.T) {
	// The population in Cyrillic and Persian, the school list in Latin
	// with a byte order mark and CRLF, one child swapped day and month,
	// one child misses a national ID; p4 is out of school.
	left := "id,last_name,first_name,patronymic,birth_date,sex,national_id,region\n" +
		"p1,Ахметова,Айгерим,Ерлановна,2015-03-07,ж,150307600424,Караганда\n" +
		"p2,Ким,Тимур,Олегович,2014-11-02,м,,Караганда\n" +
		"p3,حسینی,محمد,,2013-05-20,м,0012345679,قزوین\n" +
		"p4,Садыков,Данияр,Маратович,2012-01-15,м,120115500117,Караганда\n" +
		"p5,Оспанова,Мадина,,2016-08-30,ж,,Караганда\n"
	right := "\ufeffschool,id,last_name,first_name,birth_date,sex,national_id,region\r\n" +
		"12,s1,Akhmetova,Aigerim,2015-03-07,F,150307600424,Karaganda\r\n" +
		"12,s2,Kim,Timur,2014-02-11,M,,Karaganda\r\n" +
		"7,s3,Hosseini,Mohammad,2013-05-20,M,0012345679,Qazvin\r\n" +
		"12,s5,Ospanova,Madina,2016-08-30,F,,Karaganda\r\n"
	dir, args := linkFiles(t, left, right)
	code, out, errOut := runCLI(t, "", nil, args...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	pairs := readOut(t, dir, "pairs.csv")
	if !strings.HasPrefix(pairs, "right_id,left_id,weight\n") {
		t.Fatalf("pairs.csv = %q", pairs)
	}
	for _, want := range []string{"s1,p1,", "s2,p2,", "s3,p3,", "s5,p5,"} {
		if !strings.Contains(pairs, "\n"+want) {
			t.Errorf("pairs.csv lacks %s…:\n%s", want, pairs)
		}
	}
	if got := strings.Count(pairs, "\n"); got != 5 {
		t.Errorf("pairs.csv has %d lines, want a header and 4 pairs:\n%s", got, pairs)
	}
	if got := readOut(t, dir, "left.csv"); got != "left_id\np4\n" {
		t.Errorf("left.csv = %q, want only p4", got)
	}
	if got := readOut(t, dir, "review.csv"); !strings.HasPrefix(got, "right_id,left_id,weight\n") {
		t.Errorf("review.csv = %q", got)
	}
	if !strings.Contains(out, "linked 4, left only 1") {
		t.Errorf("summary = %q", out)
	}
}

func TestLinkCommandRefuses(t *testing.T) {
	good := "id,last_name,first_name,birth_date\n1,Ким,Тимур,2014-11-02\n"
	for _, c := range []struct {
		name, left, lang, want string
	}{
		{"scientific", "id,last_name,birth_date,national_id\n1,Ким,2014-11-02,1.40701E+11\n", "",
			"Row 2, column national_id: 1.40701E+11 is a number in scientific notation"},
		{"in Russian", "id,last_name,birth_date,national_id\n1,Ким,2014-11-02,1.40701E+11\n", "ru_RU.UTF-8",
			"Строка 2, столбец national_id: 1.40701E+11"},
		{"no birth column", "id,last_name,first_name\n1,Ким,Тимур\n", "", "has no birth_date column"},
		{"no names, in Persian", "id,birth_date,region\n1,2014-11-02,X\n", "fa", "فهرست ستون نام"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, args := linkFiles(t, c.left, good)
			code, _, errOut := runCLI(t, "", map[string]string{"LANG": c.lang}, args...)
			if code != exitError || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "a.csv") {
				t.Errorf("exit %d, stderr %q; want exit %d naming a.csv and saying %q", code, errOut, exitError, c.want)
			}
		})
	}
	if code, _, _ := runCLI(t, "", nil, "link", "--left", "a.csv"); code != exitUsage {
		t.Errorf("missing flags: exit %d, want %d", code, exitUsage)
	}
}
